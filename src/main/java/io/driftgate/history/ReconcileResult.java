package io.driftgate.history;

import io.driftgate.apply.RepairOutcome;
import io.driftgate.read.replay.ReplayResult;

import java.util.List;
import java.util.Optional;

/** One reconciliation: the replay it was judged against, the per-migration decisions, and what the repair did (or would do). */
public record ReconcileResult(ReplayResult replay, RepairOutcome repair, Optional<Reconciliation> reconciliation,
                              List<String> housekeeping) {

    public ReconcileResult {
        housekeeping = List.copyOf(housekeeping);
    }

    /** Whether anything needs doing: repair steps, history rows to write, or a refusal. */
    public boolean needsAction() {
        return !(repair instanceof RepairOutcome.NothingToDo);
    }
}
