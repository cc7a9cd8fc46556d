package io.driftgate.read.replay;

import io.driftgate.model.Column;
import io.driftgate.model.Index;
import io.driftgate.model.QualifiedName;
import io.driftgate.model.SchemaModel;
import io.driftgate.model.Table;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Until the catalog reader is merged: tables, columns and non-constraint indexes (keys = the index
 * definition), enough to see what each migration adds. Runs on the caller's connection, only queries.
 */
final class ColumnsOnlyReader implements SchemaReader {

    private static final String COLUMNS = """
            SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND n.nspname = ANY (?)
            ORDER BY 1, 2, a.attnum""";
    private static final String INDEXES = """
            SELECT schemaname, tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = ANY (?) AND indexname NOT IN (SELECT conname FROM pg_constraint)
            ORDER BY 1, 2, 3""";

    @Override
    public SchemaModel read(Connection connection, List<String> schemas) throws SQLException {
        Array names = connection.createArrayOf("text", schemas.toArray());
        Map<QualifiedName, List<Column>> columns = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement(COLUMNS)) {
            s.setArray(1, names);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(QualifiedName.of(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                            .add(Column.of(rs.getString(3), rs.getString(4), rs.getBoolean(5)));
                }
            }
        }
        Map<QualifiedName, List<Index>> indexes = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement(INDEXES)) {
            s.setArray(1, names);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    indexes.computeIfAbsent(QualifiedName.of(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                            .add(Index.on(rs.getString(3), false, List.of(rs.getString(4))));
                }
            }
        }
        List<Table> tables = columns.entrySet().stream()
                .map(e -> Table.of(e.getKey(), e.getValue()).withIndexes(indexes.getOrDefault(e.getKey(), List.of())))
                .toList();
        return new SchemaModel(schemas, tables, List.of(), List.of());
    }
}
