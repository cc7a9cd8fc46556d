package io.driftgate.history;

import io.driftgate.apply.RepairOutcome;

import java.util.List;
import java.util.Optional;

/** What {@code migrate} did, step by step, and whether it converged or was refused. */
public record MigrateResult(Outcome outcome, List<String> log, Optional<Reconciliation> reconciliation,
                            Optional<RepairOutcome> repair, int flywayExecuted) {

    public MigrateResult {
        log = List.copyOf(log);
    }

    public enum Outcome {
        /** The database equals the migrations' replay and Flyway sees nothing pending or invalid. */
        CONVERGED,
        /** A human must decide; nothing was changed. */
        REFUSED
    }
}
