package io.driftgate.apply;

import io.driftgate.plan.DataCheck;
import io.driftgate.plan.PlanStep;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** Runs a step's data checks; the first one that finds rows in the way becomes the refusal's reason. */
final class DataChecks {

    private DataChecks() {
    }

    static Optional<String> firstViolation(Connection c, PlanStep step) throws SQLException {
        for (DataCheck check : step.dataChecks()) {
            long count = count(c, check.countSql());
            if (count > 0) {
                return Optional.of(check.description() + ": " + count + " row(s) in the way, e.g. " + example(c, check.exampleSql()));
            }
        }
        return Optional.empty();
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String example(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                return "(none found again)";
            }
            StringBuilder row = new StringBuilder();
            int n = rs.getMetaData().getColumnCount();
            for (int i = 1; i <= n; i++) {
                row.append(i == 1 ? "" : ", ").append(rs.getMetaData().getColumnLabel(i)).append('=').append(rs.getString(i));
            }
            return "(" + row + ")";
        }
    }
}
