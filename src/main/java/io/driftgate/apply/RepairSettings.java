package io.driftgate.apply;

import io.driftgate.db.LockRetry;
import io.driftgate.plan.Hazard;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a repair behaves towards live traffic: which hazards it may take on, how long one statement may
 * wait for a table lock ({@code lock_timeout}), how often it retries the whole transaction after such a
 * wait, how long one statement may run ({@code statement_timeout}, also for Flyway's migrations), how
 * long it waits for another deploy holding the migration lock, and whether it only plans. The waits are
 * ordered: lock_timeout &lt; statement_timeout, and the migration-lock wait is not cut by statement_timeout.
 */
public record RepairSettings(
        Set<Hazard> allowed,
        Duration lockTimeout,
        int lockAttempts,
        Duration statementTimeout,
        Duration waitForOtherRun,
        String historyTable,
        boolean dryRun) {

    public static final String FLYWAY_HISTORY_TABLE = "flyway_schema_history";

    public RepairSettings {
        allowed = allowed.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(allowed));
        new LockRetry(lockTimeout, lockAttempts); // validates both
        if (statementTimeout.compareTo(lockTimeout) <= 0) {
            throw new IllegalArgumentException("statement_timeout (" + statementTimeout.toMillis()
                    + " ms) must be longer than lock_timeout (" + lockTimeout.toMillis() + " ms)");
        }
        if (waitForOtherRun.isNegative() || waitForOtherRun.isZero()) {
            throw new IllegalArgumentException("the wait for another run must be positive");
        }
    }

    /** Long enough for a CREATE INDEX on a large table; a migration that needs longer says so with --statement-timeout. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration DEFAULT_WAIT_FOR_OTHER_RUN = Duration.ofMinutes(10);

    /** 2 s lock_timeout, 5 attempts, 30 min per statement, 10 min for another deploy. */
    public static RepairSettings defaults() {
        return new RepairSettings(Set.of(), LockRetry.DEFAULT_LOCK_TIMEOUT, LockRetry.DEFAULT_ATTEMPTS,
                DEFAULT_STATEMENT_TIMEOUT, DEFAULT_WAIT_FOR_OTHER_RUN, FLYWAY_HISTORY_TABLE, false);
    }

    /** The lock_timeout and attempts as the shared retry policy. */
    public LockRetry lockRetry() {
        return new LockRetry(lockTimeout, lockAttempts);
    }

    /** The longest a statement may legitimately keep the socket silent: a statement, or the wait for another run. */
    public Duration longestWait() {
        return statementTimeout.compareTo(waitForOtherRun) >= 0 ? statementTimeout : waitForOtherRun;
    }

    public RepairSettings withStatementTimeout(Duration value) {
        return new RepairSettings(allowed, lockTimeout, lockAttempts, value, waitForOtherRun, historyTable, dryRun);
    }

    public RepairSettings allowing(Set<Hazard> hazards) {
        return new RepairSettings(hazards, lockTimeout, lockAttempts, statementTimeout, waitForOtherRun, historyTable, dryRun);
    }

    public RepairSettings withLockTimeout(Duration value) {
        return new RepairSettings(allowed, value, lockAttempts, statementTimeout, waitForOtherRun, historyTable, dryRun);
    }

    public RepairSettings withWaitForOtherRun(Duration value) {
        return new RepairSettings(allowed, lockTimeout, lockAttempts, statementTimeout, value, historyTable, dryRun);
    }

    /** Flyway's {@code table} setting, when the application renamed its history table. */
    public RepairSettings withHistoryTable(String value) {
        return new RepairSettings(allowed, lockTimeout, lockAttempts, statementTimeout, waitForOtherRun, value, dryRun);
    }

    /** Plan and check the data, in a read-only transaction without the lock; change nothing ({@code plan}, {@code check}). */
    public RepairSettings asDryRun() {
        return new RepairSettings(allowed, lockTimeout, lockAttempts, statementTimeout, waitForOtherRun, historyTable, true);
    }
}
