package io.driftgate.scenarios;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.model.QualifiedName;
import io.driftgate.sql.Identifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A deploy killed in the middle of its repair: another session holds a table lock, and as soon as the
 * deploy's repair transaction waits for it, its backend is terminated (as a kill -9 of the deploy or a
 * dropped connection would end it). The scenario then proves the database is as it was.
 */
final class KilledDeploy {

    private static final long POLL_MILLIS = 5;

    private KilledDeploy() {
    }

    static Attempt run(ConnectionSettings db, QualifiedName table, List<String> log, Supplier<Attempt> deploy) throws SQLException {
        try (Connection blocker = db.open(); Connection watcher = db.open()) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("LOCK TABLE " + Identifiers.qualified(table.schema(), table.name()) + " IN EXCLUSIVE MODE");
            }
            CompletableFuture<Attempt> run = CompletableFuture.supplyAsync(deploy, r -> new Thread(r, "killed-deploy").start());
            Optional<Waiting> killed = Optional.empty();
            while (!run.isDone() && killed.isEmpty()) {
                killed = waitingSession(watcher, pid(blocker));
                if (killed.isPresent()) {
                    terminate(watcher, killed.get().pid());
                    log.add("scenario: killed the repair's session (pid " + killed.get().pid() + ") while it waited for a lock on " + table
                            + " running: " + killed.get().query());
                } else {
                    sleep();
                }
            }
            Attempt attempt = run.join();
            blocker.rollback();
            if (killed.isEmpty()) {
                log.add("scenario: the deploy never waited for a lock on " + table + ", so nothing was killed");
            }
            return new Attempt(attempt.exit(), attempt.result(), attempt.message(), log, attempt.unexpected());
        }
    }

    /** A session of this database waiting for a table lock (not the migration's advisory lock): inside the repair. */
    private record Waiting(int pid, String query) {
    }

    private static Optional<Waiting> waitingSession(Connection watcher, int blocker) throws SQLException {
        try (PreparedStatement ps = watcher.prepareStatement("SELECT pid, left(query, 300) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid() AND pid <> ? AND wait_event_type = 'Lock' AND wait_event <> 'advisory' LIMIT 1")) {
            ps.setInt(1, blocker);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Waiting(rs.getInt(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    private static void terminate(Connection watcher, int pid) throws SQLException {
        try (PreparedStatement ps = watcher.prepareStatement("SELECT pg_terminate_backend(?)")) {
            ps.setInt(1, pid);
            ps.execute();
        }
    }

    private static int pid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while watching the deploy", e);
        }
    }
}
