package io.driftgate.sql;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place that turns a name into SQL text. Names are kept exactly as the catalog has them
 * (case, spaces, non-ASCII); they are quoted whenever PostgreSQL would otherwise fold or reject them.
 */
public final class Identifiers {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    /** Keywords that cannot stand unquoted as a column or table name (pg_get_keywords() catcode <> 'U', PG 13-17). */
    private static final Set<String> NOT_UNRESERVED = Set.of((
            "all analyse analyze and any array as asc asymmetric authorization between bigint binary bit boolean both "
            + "case cast char character check coalesce collate collation column concurrently constraint create cross "
            + "current_catalog current_date current_role current_schema current_time current_timestamp current_user "
            + "dec decimal default deferrable desc distinct do else end except exists extract false fetch float for "
            + "foreign freeze from full grant greatest group grouping having ilike in initially inner inout int integer "
            + "intersect interval into is isnull join json json_array json_arrayagg json_exists json_object "
            + "json_objectagg json_query json_scalar json_serialize json_table json_value lateral leading least left "
            + "like limit localtime localtimestamp merge_action national natural nchar none normalize not notnull null "
            + "nullif numeric offset on only or order out outer overlaps overlay placing position precision primary "
            + "real references returning right row select session_user setof similar smallint some substring "
            + "symmetric system_user table tablesample then time timestamp to trailing treat trim true union unique "
            + "user using values varchar variadic verbose when where window with xmlattributes xmlconcat xmlelement "
            + "xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable").split(" "));

    private Identifiers() {
    }

    /** {@code candidate} stays as it is; {@code Candidate}, {@code order}, {@code Straße} and {@code a"b} are quoted. */
    public static String quote(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an SQL identifier cannot be empty");
        }
        if (PLAIN.matcher(name).matches() && !NOT_UNRESERVED.contains(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** {@code schema.name}, each part quoted as needed. */
    public static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    /** A comma-separated, quoted column list. */
    public static String list(List<String> names) {
        return names.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }

    /** A string literal, for names passed to functions such as {@code to_regclass('…')}. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
