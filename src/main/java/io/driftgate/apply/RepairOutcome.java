package io.driftgate.apply;

import io.driftgate.plan.PlanStep;
import io.driftgate.plan.RepairPlan;

import java.util.List;

/** What a repair run did. */
public sealed interface RepairOutcome {

    RepairPlan plan();

    /** Live already matched: nothing was changed. */
    record NothingToDo(RepairPlan plan) implements RepairOutcome {
    }

    /** Every step ran and the re-read schema matched; committed. */
    record Applied(RepairPlan plan, List<PlanStep> executed, int attempts) implements RepairOutcome {
        public Applied {
            executed = List.copyOf(executed);
        }
    }

    /** A dry run: this is what a repair would do; nothing was changed. */
    record Planned(RepairPlan plan) implements RepairOutcome {
    }

    /** A human must decide; nothing was changed. */
    record Refused(RepairPlan plan, List<Refusal> refusals) implements RepairOutcome {
        public Refused {
            refusals = List.copyOf(refusals);
        }
    }

    /** What may not run ({@code sql} empty when it is not a step), the object it is about, and why. */
    record Refusal(String subject, String sql, String reason) {
        static Refusal of(PlanStep step, String reason) {
            return new Refusal(step.fixes().subject(), step.sql(), reason);
        }
    }
}
