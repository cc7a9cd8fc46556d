package io.driftgate.history;

import io.driftgate.model.SchemaModel;
import io.driftgate.model.Table;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Indexes a failed {@code CREATE INDEX CONCURRENTLY} left behind: in the catalog by name, but INVALID (not used, not
 * enforcing uniqueness). Their name proves nothing: a migration whose index is invalid has not taken effect.
 */
final class InvalidIndexes {

    private static final String QUERY = """
            SELECT n.nspname || '.' || c.relname FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT (i.indisvalid AND i.indisready) AND n.nspname = ANY (?) ORDER BY 1""";

    private InvalidIndexes() {
    }

    /** {@code schema.index} of every invalid index in {@code schemas}. */
    static List<String> in(Connection c, List<String> schemas) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(QUERY)) {
            Array array = c.createArrayOf("text", schemas.toArray());
            ps.setArray(1, array);
            List<String> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return List.copyOf(found);
        }
    }

    /** Refusals for the invalid indexes whose names the migrations declare (an unknown one is the user's own). */
    static List<String> refusals(List<String> invalid, SchemaModel expected) {
        Set<String> declared = expected.tables().stream().flatMap(InvalidIndexes::indexNames).collect(Collectors.toSet());
        return invalid.stream().filter(declared::contains).map(name -> "index " + name + " is INVALID (a CREATE INDEX "
                + "CONCURRENTLY that failed left it): it enforces and speeds up nothing, so it proves nothing. Drop it "
                + "(DROP INDEX CONCURRENTLY " + name + "), fix what made it fail (e.g. duplicate rows), and rerun.").toList();
    }

    private static Stream<String> indexNames(Table t) {
        String schema = t.name().schema() + ".";
        return Stream.concat(t.indexes().stream().map(i -> schema + i.name()), t.uniqueConstraints().stream().map(u -> schema + u.name()));
    }
}
