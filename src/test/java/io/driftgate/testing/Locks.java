package io.driftgate.testing;

import io.driftgate.db.ConnectionSettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Synchronises tests on what PostgreSQL says (pg_locks, pg_stat_activity) instead of on sleeps: each
 * method polls until the state is there; the 2-minute guard only turns a hang into a failure.
 */
public final class Locks {

    private static final long GUARD_MILLIS = TimeUnit.MINUTES.toMillis(2);

    private Locks() {
    }

    /** The backend pid of a connection. */
    public static int pid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Polls until {@code condition} holds. */
    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + GUARD_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            try {
                Thread.sleep(10); // a poll interval, not a synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }

    /** Whether a session other than {@code exceptPid} waits (not granted) for a lock on {@code table}. */
    public static boolean someoneWaitsFor(ConnectionSettings db, String table, int exceptPid) {
        return count(db, "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                + "WHERE NOT l.granted AND c.relname = ? AND l.pid <> ?", table, exceptPid) > 0;
    }

    /** Whether a session waits for an advisory lock. */
    public static boolean someoneWaitsForAnAdvisoryLock(ConnectionSettings db) {
        return count(db, "SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = 'advisory'") > 0;
    }

    /** Whether a session has waited for an advisory lock for longer than {@code millis}, by the server's clock. */
    public static boolean someoneWaitedForAnAdvisoryLockLongerThan(ConnectionSettings db, long millis) {
        return count(db, "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                + "WHERE NOT l.granted AND l.locktype = 'advisory' AND now() - a.query_start > ? * interval '1 ms'", millis) > 0;
    }

    /** Whether another session's current or last query contains {@code text}. */
    public static boolean someoneRan(ConnectionSettings db, String text) {
        return count(db, "SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND strpos(query, ?) > 0", text) > 0;
    }

    private static long count(ConnectionSettings db, String sql, Object... params) {
        try (Connection c = db.open(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
