package io.driftgate.plan;

import io.driftgate.model.QualifiedName;
import io.driftgate.sql.Identifiers;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The SQL of the data checks that come before steps which depend on the rows already there. */
final class DataChecksSql {

    private static final int EXAMPLE_LIMIT = 1;

    private DataChecksSql() {
    }

    static DataCheck tableIsEmpty(QualifiedName table, String why) {
        String t = Identifiers.qualified(table.schema(), table.name());
        return new DataCheck(why, "SELECT count(*) FROM " + t, "SELECT ctid::text AS row FROM " + t + " LIMIT " + EXAMPLE_LIMIT);
    }

    static DataCheck noNulls(QualifiedName table, List<String> columns, List<String> keyColumns) {
        String t = Identifiers.qualified(table.schema(), table.name());
        String where = columns.stream().map(c -> Identifiers.quote(c) + " IS NULL").collect(Collectors.joining(" OR "));
        return new DataCheck("NULLs in " + table + "(" + String.join(", ", columns) + ")",
                "SELECT count(*) FROM " + t + " WHERE " + where,
                "SELECT " + key(keyColumns) + " FROM " + t + " WHERE " + where + " LIMIT " + EXAMPLE_LIMIT);
    }

    static DataCheck noDuplicates(QualifiedName table, List<String> columns) {
        return noDuplicateKeys(table, columns.stream().map(Identifiers::quote).toList(), Optional.empty());
    }

    /** Duplicates among rows a unique index would cover; {@code keys} are SQL (quoted columns or expressions). */
    static DataCheck noDuplicateKeys(QualifiedName table, List<String> keys, Optional<String> predicate) {
        String t = Identifiers.qualified(table.schema(), table.name());
        String cols = String.join(", ", keys);
        String where = keys.stream().map(k -> "(" + k + ") IS NOT NULL").collect(Collectors.joining(" AND "))
                + predicate.map(p -> " AND (" + p + ")").orElse("");
        String groups = "SELECT " + cols + ", count(*) AS copies FROM " + t + " WHERE " + where + " GROUP BY " + cols + " HAVING count(*) > 1";
        return new DataCheck("duplicate values in " + table + "(" + cols + ")" + predicate.map(p -> " WHERE " + p).orElse(""),
                "SELECT count(*) FROM (" + groups + ") d", groups + " LIMIT " + EXAMPLE_LIMIT);
    }

    static DataCheck noOrphans(QualifiedName table, List<String> columns, QualifiedName target, List<String> targetColumns) {
        String t = Identifiers.qualified(table.schema(), table.name());
        String r = Identifiers.qualified(target.schema(), target.name());
        StringBuilder join = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            join.append(i == 0 ? "" : " AND ").append("r.").append(Identifiers.quote(targetColumns.get(i)))
                    .append(" = c.").append(Identifiers.quote(columns.get(i)));
        }
        String notNull = columns.stream().map(c -> "c." + Identifiers.quote(c) + " IS NOT NULL").collect(Collectors.joining(" AND "));
        String orphans = " FROM " + t + " c WHERE " + notNull + " AND NOT EXISTS (SELECT 1 FROM " + r + " r WHERE " + join + ")";
        String cols = columns.stream().map(c -> "c." + Identifiers.quote(c)).collect(Collectors.joining(", "));
        return new DataCheck("rows in " + table + "(" + String.join(", ", columns) + ") with no match in " + target,
                "SELECT count(*)" + orphans, "SELECT " + cols + orphans + " LIMIT " + EXAMPLE_LIMIT);
    }

    /** Rows where {@code condition} is false (NULL passes, as it does for CHECK). */
    static DataCheck allRowsSatisfy(QualifiedName table, String condition, String description, List<String> keyColumns) {
        String t = Identifiers.qualified(table.schema(), table.name());
        String where = " WHERE NOT (" + condition + ")";
        return new DataCheck(description, "SELECT count(*) FROM " + t + where,
                "SELECT " + key(keyColumns) + " FROM " + t + where + " LIMIT " + EXAMPLE_LIMIT);
    }

    private static String key(List<String> keyColumns) {
        return keyColumns.isEmpty() ? "ctid::text AS row" : Identifiers.list(keyColumns);
    }
}
