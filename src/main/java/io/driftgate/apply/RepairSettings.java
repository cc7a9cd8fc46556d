package io.driftgate.apply;

import io.driftgate.plan.Hazard;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a repair behaves towards live traffic: which hazards it may take on, how long one statement may
 * wait for a table lock ({@code lock_timeout}), how often it retries the whole transaction after such a
 * wait, how long it waits for another deploy holding the migration lock, and whether it only plans.
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
        if (lockAttempts < 1) {
            throw new IllegalArgumentException("lockAttempts must be at least 1");
        }
    }

    /** 2 s lock_timeout, 5 attempts, 5 min per statement, 10 min for another deploy. */
    public static RepairSettings defaults() {
        return new RepairSettings(Set.of(), Duration.ofSeconds(2), 5, Duration.ofMinutes(5), Duration.ofMinutes(10),
                FLYWAY_HISTORY_TABLE, false);
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
