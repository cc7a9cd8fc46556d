package io.driftgate.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Who holds table locks in some schemas right now, from {@code pg_locks} and {@code pg_stat_activity}:
 * asked when a lock wait was exhausted, so the failure names the table and the session in the way
 * instead of only "lock timeout".
 */
public final class LockHolders {

    /** One granted table lock of another session. */
    public record Holder(String table, String mode, int pid, String application, String user, String state,
                         String since, long seconds) {
        String describe() {
            return table + " is locked (" + mode + ") by pid " + pid + " (application '" + application + "', user "
                    + user + ", " + state + ", transaction open since " + since + ", " + seconds + " s)";
        }
    }

    // other sessions' granted locks on tables (not indexes, not advisory locks) in the schemas
    private static final String HOLDERS = """
            SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), l.mode, l.pid,
                   coalesce(a.application_name, ''), coalesce(a.usename::text, '?'), coalesce(a.state, '?'),
                   coalesce(to_char(coalesce(a.xact_start, a.backend_start) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), '?'),
                   coalesce(extract(epoch FROM now() - coalesce(a.xact_start, a.backend_start))::bigint, 0)
            FROM pg_locks l
            JOIN pg_class c ON c.oid = l.relation
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'relation' AND l.granted AND l.pid <> pg_backend_pid()
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND c.relkind IN ('r', 'p') AND n.nspname = ANY (?) AND (? OR l.mode = 'AccessExclusiveLock')
            ORDER BY a.xact_start NULLS LAST, 1, l.pid
            """;

    private LockHolders() {
    }

    /**
     * Other sessions' table locks in {@code schemas}; with {@code exclusiveOnly} just the ACCESS EXCLUSIVE
     * ones (the only mode that blocks a reader).
     */
    public static List<Holder> in(Connection c, List<String> schemas, boolean exclusiveOnly) throws SQLException {
        List<Holder> holders = new ArrayList<>();
        Array names = c.createArrayOf("text", schemas.toArray());
        try (PreparedStatement ps = c.prepareStatement(HOLDERS)) {
            ps.setArray(1, names);
            ps.setBoolean(2, !exclusiveOnly);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    holders.add(new Holder(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8)));
                }
            }
        }
        return List.copyOf(holders);
    }

    /** As {@link #in}, from a connection of its own; never fails (the failure being explained matters more). */
    public static String describeIn(ConnectionSettings db, List<String> schemas, boolean exclusiveOnly) {
        try (Connection c = db.open()) {
            return describe(in(c, schemas, exclusiveOnly));
        } catch (SQLException e) {
            return "(could not ask pg_locks who holds the lock: " + e.getMessage() + ")";
        }
    }

    /** A sentence naming the tables and sessions, with what to do about them. */
    public static String describe(List<Holder> holders) {
        if (holders.isEmpty()) {
            return "The session that held the lock had ended by the time driftgate asked pg_locks.";
        }
        String ends = holders.stream().map(h -> "SELECT pg_terminate_backend(" + h.pid() + ")").distinct()
                .collect(Collectors.joining("; "));
        return holders.stream().limit(5).map(Holder::describe).collect(Collectors.joining("; "))
                + (holders.size() > 5 ? "; and " + (holders.size() - 5) + " more" : "")
                + ". Let that work finish, or end it if it is stuck 'idle in transaction' (" + ends + ").";
    }
}
