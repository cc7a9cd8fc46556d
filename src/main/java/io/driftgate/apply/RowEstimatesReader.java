package io.driftgate.apply;

import io.driftgate.model.QualifiedName;
import io.driftgate.plan.RowEstimates;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Table sizes from the planner statistics ({@code pg_class.reltuples}): one query, no table scans. */
final class RowEstimatesReader {

    private RowEstimatesReader() {
    }

    static RowEstimates read(Connection c, List<String> schemas) throws SQLException {
        Map<QualifiedName, Long> rows = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT n.nspname, c.relname, c.reltuples::bigint FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (?)")) {
            Array array = c.createArrayOf("text", schemas.toArray());
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(QualifiedName.of(rs.getString(1), rs.getString(2)), Math.max(0, rs.getLong(3)));
                }
            }
        }
        return new RowEstimates(rows);
    }
}
