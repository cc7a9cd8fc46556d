package io.driftgate.scenarios;

import io.driftgate.model.Column;
import io.driftgate.model.QualifiedName;
import io.driftgate.model.SchemaModel;
import io.driftgate.model.Table;
import io.driftgate.sql.Identifiers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A fingerprint of every row of every table, over the columns the table had when it was taken, so a
 * later fingerprint proves that a repair added columns and objects but changed and lost no row.
 */
public record RowChecksums(Map<QualifiedName, TableChecksum> tables) {

    public RowChecksums {
        tables = Map.copyOf(tables);
    }

    /** Row count and md5 over the rows' text, in a stable order. */
    public record TableChecksum(List<String> columns, long rows, String md5) {
        public TableChecksum {
            columns = List.copyOf(columns);
        }
    }

    public static RowChecksums take(Connection c, SchemaModel schema) throws SQLException {
        Map<QualifiedName, TableChecksum> result = new LinkedHashMap<>();
        for (Table t : schema.tables()) {
            List<String> columns = t.columns().stream().filter(col -> col.generatedExpression().isEmpty()).map(Column::name).toList();
            result.put(t.name(), checksum(c, t.name(), columns));
        }
        return new RowChecksums(result);
    }

    /** The same tables and columns as this fingerprint, read again now. */
    public RowChecksums retake(Connection c) throws SQLException {
        Map<QualifiedName, TableChecksum> result = new LinkedHashMap<>();
        for (Map.Entry<QualifiedName, TableChecksum> e : tables.entrySet()) {
            result.put(e.getKey(), checksum(c, e.getKey(), e.getValue().columns()));
        }
        return new RowChecksums(result);
    }

    /** Tables whose rows are not what they were, for a message. */
    public List<String> differencesFrom(RowChecksums before) {
        return before.tables.entrySet().stream()
                .filter(e -> !e.getValue().equals(tables.get(e.getKey())))
                .map(e -> e.getKey() + ": " + e.getValue().rows() + " row(s) before, "
                        + (tables.containsKey(e.getKey()) ? tables.get(e.getKey()).rows() + " after (or values changed)" : "table gone"))
                .toList();
    }

    private static TableChecksum checksum(Connection c, QualifiedName table, List<String> columns) throws SQLException {
        String name = Identifiers.qualified(table.schema(), table.name());
        String row = columns.isEmpty() ? "''" : "row(" + columns.stream().map(col -> "t." + Identifiers.quote(col))
                .collect(Collectors.joining(", ")) + ")::text";
        String sql = "SELECT count(*), coalesce(md5(string_agg(r, E'\\n' ORDER BY r)), '') FROM (SELECT " + row + " AS r FROM "
                + name + " t) x";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new TableChecksum(columns, rs.getLong(1), rs.getString(2));
        }
    }
}
