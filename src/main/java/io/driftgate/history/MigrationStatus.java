package io.driftgate.history;

import io.driftgate.read.replay.ReplayedMigration;

import java.util.List;

/** What reconciliation decided for one pending migration, and the evidence. */
public record MigrationStatus(ReplayedMigration migration, Status status, List<String> present, List<String> missing,
                              List<String> reasons) {

    public MigrationStatus {
        present = List.copyOf(present);
        missing = List.copyOf(missing);
        reasons = List.copyOf(reasons);
    }

    public enum Status {
        /** Every effect is in the database: record it as applied. */
        ALL_PRESENT,
        /** Some effects are there: complete the rest through the planner, then record it. */
        PARTLY_PRESENT,
        /** None of it is there: Flyway runs it. */
        ABSENT,
        /** Its effects are there but it also changes data or drops what is still there: a human decides. */
        UNPROVABLE,
        /** Changes data; the user said it was applied ({@code --assume-applied}). */
        ASSUMED_APPLIED,
        /** Changes data; the user said to run it again ({@code --rerun}). */
        RERUN
    }

    public boolean toRecord() {
        return status != Status.ABSENT && status != Status.UNPROVABLE;
    }
}
