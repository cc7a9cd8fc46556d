package io.driftgate.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one retry policy for table locks, shared by the repair transaction, the Flyway stage and the
 * catalog reads: each attempt runs under {@code lock_timeout}, so it never queues live traffic behind
 * it for longer than that; a lock not granted (SQLSTATE 55P03) rolls the attempt back, waits with
 * exponential back-off and jitter, and tries again, at most {@code attempts} times.
 */
public record LockRetry(Duration lockTimeout, int attempts) {

    public static final String LOCK_NOT_AVAILABLE = "55P03";
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(2);
    public static final int DEFAULT_ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(LockRetry.class);

    public LockRetry {
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        if (lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw new IllegalArgumentException("lock_timeout must be positive (0 would mean: wait forever)");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    public static LockRetry defaults() {
        return new LockRetry(DEFAULT_LOCK_TIMEOUT, DEFAULT_ATTEMPTS);
    }

    /** One attempt; it must leave nothing behind when it throws (rolled back). */
    @FunctionalInterface
    public interface Attempt<T> {
        T run(int attempt) throws SQLException;
    }

    /** Builds the failure once every attempt waited in vain. */
    @FunctionalInterface
    public interface GiveUp {
        RuntimeException failure(Exception last, int attempts);
    }

    /**
     * Runs {@code attempt} until it succeeds, fails for another reason (rethrown as it is), or waited
     * for a lock {@code attempts} times (then {@code giveUp}'s failure is thrown).
     */
    public <T> T run(String what, Attempt<T> attempt, GiveUp giveUp) throws SQLException {
        for (int n = 1; ; n++) {
            try {
                return attempt.run(n);
            } catch (SQLException | RuntimeException e) {
                if (!isLockNotAvailable(e)) {
                    throw e;
                }
                if (n >= attempts) {
                    throw giveUp.failure(e, n);
                }
                long backoff = backoffMillis(n);
                LOG.warn("{}: a lock was not granted within {} ms (attempt {} of {}); rolled back, retrying in {} ms",
                        what, lockTimeout.toMillis(), n, attempts, backoff);
                sleep(backoff);
            }
        }
    }

    /** 250 ms, 500 ms, 1 s … at most 5 s, plus up to 100 ms of jitter so two waiting deploys don't collide again. */
    public long backoffMillis(int failedAttempt) {
        return Math.min(5_000, 250L << Math.min(failedAttempt - 1, 10)) + ThreadLocalRandom.current().nextLong(100);
    }

    /** For {@code SET [LOCAL] lock_timeout = …}. */
    public String setting() {
        return "'" + lockTimeout.toMillis() + "ms'";
    }

    /** Whether {@code e}, or anything that caused it, is PostgreSQL's lock_not_available. */
    public static boolean isLockNotAvailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (LOCK_NOT_AVAILABLE.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry after a lock timeout", e);
        }
    }
}
