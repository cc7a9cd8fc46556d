package io.driftgate.testing;

import io.driftgate.db.ConnectionSettings;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * An oracle that is not driftgate's own reader or differ: the raw catalog text of a database as PostgreSQL
 * prints it ({@code format_type}, {@code pg_get_*def}, names included), every row's digest and Flyway's
 * history, as sorted lines. Two equal fingerprints mean nothing a user could see changed.
 */
public record CatalogFingerprint(List<String> lines) {

    private static final String USER_NAMESPACE = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') "
            + "AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'";

    private static final List<String> QUERIES = List.of(
            "SELECT 'schema ' || n.nspname || ' owner ' || pg_get_userbyid(n.nspowner) || ' acl ' || coalesce(n.nspacl::text, '')"
                    + " FROM pg_namespace n WHERE " + USER_NAMESPACE,
            "SELECT 'relation ' || c.oid::regclass::text || ' kind ' || c.relkind::text || ' owner ' || pg_get_userbyid(c.relowner)"
                    + " || ' acl ' || coalesce(c.relacl::text, '') || ' persistence ' || c.relpersistence::text"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_NAMESPACE,
            "SELECT 'column ' || a.attrelid::regclass::text || '.' || quote_ident(a.attname) || ' #' || a.attnum || ' '"
                    + " || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END"
                    + " || ' default ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '-') || ' identity ' || a.attidentity::text"
                    + " || ' generated ' || a.attgenerated::text || ' collation ' || a.attcollation::regcollation::text"
                    + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                    + " WHERE a.attnum > 0 AND NOT a.attisdropped AND " + USER_NAMESPACE,
            "SELECT 'constraint ' || coalesce(x.conrelid::regclass::text, '') || coalesce(x.contypid::regtype::text, '')"
                    + " || ' ' || quote_ident(x.conname) || ' ' || pg_get_constraintdef(x.oid)"
                    + " || CASE WHEN x.convalidated THEN '' ELSE ' not validated' END"
                    + " FROM pg_constraint x JOIN pg_namespace n ON n.oid = x.connamespace WHERE " + USER_NAMESPACE,
            "SELECT 'index ' || pg_get_indexdef(i.indexrelid) || CASE WHEN i.indisvalid THEN '' ELSE ' INVALID' END"
                    + " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE " + USER_NAMESPACE,
            "SELECT 'type ' || t.oid::regtype::text || ' ' || t.typtype::text || ' ' || coalesce((SELECT string_agg(quote_literal(e.enumlabel),"
                    + " ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid), '')"
                    + " || CASE WHEN t.typtype = 'd' THEN ' over ' || format_type(t.typbasetype, t.typtypmod) ELSE '' END"
                    + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                    + " WHERE t.typtype IN ('e', 'd', 'c', 'r', 'm') AND (t.typrelid = 0 OR (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')"
                    + " AND " + USER_NAMESPACE,
            "SELECT 'function ' || p.oid::regprocedure::text || ' ' || md5(pg_get_functiondef(p.oid))"
                    + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.prokind IN ('f', 'p') AND " + USER_NAMESPACE,
            "SELECT 'aggregate ' || p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                    + " WHERE p.prokind = 'a' AND " + USER_NAMESPACE,
            "SELECT 'sequence ' || s.schemaname || '.' || s.sequencename || ' ' || s.data_type::text || ' start ' || s.start_value"
                    + " || ' inc ' || s.increment_by || ' min ' || s.min_value || ' max ' || s.max_value || ' cycle ' || s.cycle"
                    + " || ' last ' || coalesce(s.last_value::text, '-') FROM pg_sequences s",
            "SELECT 'view ' || c.oid::regclass::text || ' ' || md5(pg_get_viewdef(c.oid)) FROM pg_class c"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm') AND " + USER_NAMESPACE,
            "SELECT 'trigger ' || pg_get_triggerdef(t.oid) FROM pg_trigger t WHERE NOT t.tgisinternal",
            "SELECT 'extension ' || e.extname || ' ' || e.extversion || ' in ' || e.extnamespace::regnamespace::text FROM pg_extension e",
            // the object by its identity, not its OID: OIDs come from a cluster-wide counter and differ between databases
            "SELECT 'comment ' || pg_describe_object(d.classoid, d.objoid, d.objsubid) || ' ' || md5(d.description)"
                    + " FROM pg_description d WHERE d.objoid >= 16384",
            "SELECT 'policy ' || p.polrelid::regclass::text || ' ' || quote_ident(p.polname) FROM pg_policy p",
            "SELECT 'setting ' || coalesce(r.rolname, '*') || ' ' || array_to_string(s.setconfig, ',') FROM pg_db_role_setting s"
                    + " LEFT JOIN pg_roles r ON r.oid = s.setrole WHERE s.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())");

    /** Takes the fingerprint of every user schema of {@code db}, rows included. */
    public static CatalogFingerprint of(ConnectionSettings db) throws SQLException {
        try (Connection c = db.open()) {
            return of(c);
        }
    }

    public static CatalogFingerprint of(Connection c) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (String query : QUERIES) {
                collect(s, query, lines);
            }
            List<String> tables = new ArrayList<>();
            collect(s, "SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.relkind IN ('r', 'p') AND " + USER_NAMESPACE, tables);
            for (String table : tables) {
                collect(s, "SELECT 'rows " + table.replace("'", "''") + " ' || count(*) || ' ' || coalesce(md5(string_agg(r, E'\\n' ORDER BY r)), '')"
                        + " FROM (SELECT t::text AS r FROM " + table + " t) x", lines);
            }
        }
        return new CatalogFingerprint(lines.stream().sorted().toList());
    }

    /**
     * Without the rows digest of {@code table} (as {@code regclass} prints it): Flyway's history differs in
     * installed_on and execution_time between any two runs; compare it with {@link #flywayHistory} instead.
     */
    public CatalogFingerprint withoutRowsOf(String table) {
        return new CatalogFingerprint(lines.stream().filter(l -> !l.startsWith("rows " + table + " ")).toList());
    }

    /** Flyway's history rows without when and how long: rank, version, description, type, script, checksum, success. */
    public static List<String> flywayHistory(ConnectionSettings db, String qualifiedTable) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            collect(s, "SELECT concat_ws(' ', installed_rank, coalesce(version, '-'), description, type, script, coalesce(checksum::text, '-'),"
                    + " success) FROM " + qualifiedTable + " ORDER BY installed_rank", rows);
        }
        return List.copyOf(rows);
    }

    /** Lines in one fingerprint and not the other, for an assertion message; empty when equal. */
    public List<String> differencesFrom(CatalogFingerprint before) {
        List<String> out = new ArrayList<>();
        before.lines.stream().filter(l -> !lines.contains(l)).forEach(l -> out.add("- " + l));
        lines.stream().filter(l -> !before.lines.contains(l)).forEach(l -> out.add("+ " + l));
        return List.copyOf(out);
    }

    private static void collect(Statement s, String query, List<String> into) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                into.add(rs.getString(1));
            }
        }
    }
}
