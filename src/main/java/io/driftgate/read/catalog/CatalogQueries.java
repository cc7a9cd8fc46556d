package io.driftgate.read.catalog;

/**
 * The bulk catalog queries, one per object kind. Each takes the schema names as its only parameter
 * ({@code nspname = ANY(?)}) and returns every row for all tables at once; they run with
 * {@code search_path = pg_catalog} so user types, sequences and tables print schema-qualified.
 */
final class CatalogQueries {

    private static final String IN_SCHEMAS = "n.nspname = ANY(?)";
    private static final String TABLE_KINDS = "c.relkind IN ('r', 'p')";

    static final String TABLES = """
            SELECT c.oid, n.nspname::text, c.relname::text
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE %s AND %s
            """.formatted(IN_SCHEMAS, TABLE_KINDS);

    // a collation is recorded only where it differs from the type's own (i.e. was written as COLLATE);
    // defaults cannot refer to columns, so only generated expressions need the (costly) table context
    static final String COLUMNS = """
            SELECT a.attrelid, a.attname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   pg_get_expr(d.adbin, CASE WHEN a.attgenerated <> '' THEN d.adrelid ELSE 0 END),
                   a.attidentity::text, a.attgenerated::text,
                   CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0 THEN
                        CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname::text
                             ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END
                   END,
                   a.attnum
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_collation co ON co.oid = a.attcollation
            LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
            WHERE %s AND %s AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attrelid, a.attnum
            """.formatted(IN_SCHEMAS, TABLE_KINDS);

    // conparentid = 0 and conislocal drop the copies PostgreSQL makes on partitions. Own columns come as
    // attnums (named from the columns already read); the referenced table may be in another schema, so
    // its column names are looked up here. Deparsing is costly, so it is done for checks only.
    private static final String CONSTRAINTS = """
            SELECT con.conrelid, con.conname::text, con.contype::text, con.conkey,
                   rn.nspname::text, rc.relname::text,
                   CASE WHEN con.contype = 'f' THEN
                        ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                              JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)
                   END,
                   con.confdeltype::text, con.confupdtype::text, con.condeferrable, con.condeferred,
                   CASE WHEN con.contype = 'c' THEN pg_get_constraintdef(con.oid) END, %s
            FROM pg_constraint con
            JOIN pg_class c ON c.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_class rc ON rc.oid = con.confrelid
            LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
            LEFT JOIN pg_index ix ON ix.indexrelid = con.conindid
            WHERE %s AND %s AND con.contype IN ('p', 'u', 'f', 'c') AND con.conparentid = 0 AND con.conislocal
            """;

    // keys and INCLUDE columns come as attnums (named from the columns already read), expression keys
    // as pg_get_indexdef prints them (0 in indkey marks where each goes); indexes behind a PRIMARY KEY,
    // UNIQUE or EXCLUDE constraint of the same table are part of that constraint
    static final String INDEXES = """
            SELECT i.indrelid, ic.relname::text, i.indisunique, am.amname::text, i.indkey::int2[], i.indnkeyatts,
                   CASE WHEN i.indexprs IS NOT NULL THEN
                        ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true)
                              FROM generate_series(1, i.indnkeyatts::int) k WHERE i.indkey[k - 1] = 0 ORDER BY k)
                   END,
                   pg_get_expr(i.indpred, i.indrelid, true)
            FROM pg_index i
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_am am ON am.oid = ic.relam
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE %s AND %s
              AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conrelid = i.indrelid
                              AND con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))
              AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)
            """.formatted(IN_SCHEMAS, TABLE_KINDS);

    static final String ENUMS = """
            SELECT n.nspname::text, t.typname::text,
                   ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE %s AND t.typtype = 'e'
            """.formatted(IN_SCHEMAS);

    // identity sequences depend on their column with deptype 'i' and are left out; serial ones use 'a'
    static final String SEQUENCES = """
            SELECT n.nspname::text, c.relname::text, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement,
                   s.seqmin, s.seqmax, s.seqcache, s.seqcycle, tn.nspname::text, tc.relname::text, ta.attname::text
            FROM pg_sequence s
            JOIN pg_class c ON c.oid = s.seqrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid
                 AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')
            LEFT JOIN pg_class tc ON tc.oid = d.refobjid
            LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace
            LEFT JOIN pg_attribute ta ON ta.attrelid = d.refobjid AND ta.attnum = d.refobjsubid
            WHERE %s AND (d.deptype IS NULL OR d.deptype = 'a')
            """.formatted(IN_SCHEMAS);

    private CatalogQueries() {
    }

    /** {@code indnullsnotdistinct} exists from PostgreSQL 15 on. */
    static String constraints(int serverMajorVersion) {
        String nullsNotDistinct = serverMajorVersion >= 15 ? "coalesce(ix.indnullsnotdistinct, false)" : "false";
        return CONSTRAINTS.formatted(nullsNotDistinct, IN_SCHEMAS, TABLE_KINDS);
    }
}
