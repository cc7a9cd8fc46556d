package io.driftgate.apply;

import io.driftgate.plan.DataCheck;
import io.driftgate.plan.PlanStep;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a step's data checks. Before anything is applied, a check may name a table or column that an
 * earlier step of the same plan creates: it is then deferred and run again right before its step.
 */
final class DataChecks {

    /** undefined_table, undefined_column, undefined_object: the plan creates it. */
    private static final Set<String> NOT_THERE_YET = Set.of("42P01", "42703", "42704");

    private DataChecks() {
    }

    /** The result of checking one step. */
    sealed interface Result {
        record Passed() implements Result {
        }

        record Violated(String reason) implements Result {
        }

        record Deferred() implements Result {
        }
    }

    /** Before the plan runs: inside a savepoint, so a check on something not there yet does not end the transaction. */
    static Result upfront(Connection c, PlanStep step) throws SQLException {
        for (DataCheck check : step.dataChecks()) {
            Savepoint savepoint = c.setSavepoint();
            try {
                Optional<String> violation = violation(c, check);
                c.releaseSavepoint(savepoint);
                if (violation.isPresent()) {
                    return new Result.Violated(violation.get());
                }
            } catch (SQLException e) {
                c.rollback(savepoint);
                if (NOT_THERE_YET.contains(e.getSQLState())) {
                    return new Result.Deferred();
                }
                throw e;
            }
        }
        return new Result.Passed();
    }

    /** Right before the step, once every earlier step has run. */
    static Optional<String> now(Connection c, PlanStep step) throws SQLException {
        for (DataCheck check : step.dataChecks()) {
            Optional<String> violation = violation(c, check);
            if (violation.isPresent()) {
                return violation;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> violation(Connection c, DataCheck check) throws SQLException {
        long count = count(c, check.countSql());
        return count > 0 ? Optional.of(check.description() + ": " + count + " row(s) in the way, e.g. " + example(c, check.exampleSql()))
                : Optional.empty();
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
