package io.driftgate.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The advisory lock Flyway takes for a history table, so that driftgate and Flyway (and two driftgates)
 * never change one database at the same time. Flyway 13's PostgreSQL support locks
 * {@code 77431708279161 + "\"schema\".\"table\"".hashCode()}; transaction-level and session-level advisory
 * locks on one key exclude each other.
 */
public final class FlywayLock {

    static final long FLYWAY_LOCK_MAGIC = 77431708279161L;
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private FlywayLock() {
    }

    /** The key for a history table, as Flyway computes it. */
    public static long key(String schema, String historyTable) {
        String flywayTableName = "\"" + schema + "\".\"" + historyTable + "\"";
        return FLYWAY_LOCK_MAGIC + flywayTableName.hashCode();
    }

    /**
     * Takes the lock for the rest of the current transaction, waiting at most {@code wait} for a
     * concurrent deploy to finish. Returns false if it did not get it in time. The wait is bounded by
     * {@code lock_timeout} alone: a statement_timeout (the server's or the role's) must not cut it short,
     * so the caller sets its statement_timeout after this returns.
     */
    public static boolean acquireForTransaction(Connection c, long key, Duration wait) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL lock_timeout = '" + wait.toMillis() + "ms'");
            s.execute("SET LOCAL statement_timeout = 0");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, key);
            ps.execute();
            return true;
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** Whether some session holds the lock now (for tests and diagnostics). */
    public static boolean isHeld(Connection c, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
                        + "AND ((classid::bigint << 32) | objid::bigint) = ?")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }
}
