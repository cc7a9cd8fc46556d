package io.driftgate.plan;

import io.driftgate.diff.Drift;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The drift, the ordered steps that repair it, and what is only reported (extra objects, drift no DDL
 * can prove right). {@link #refusedSteps(Set)} tells which steps the given allows don't cover.
 */
public record RepairPlan(List<Drift> drift, List<PlanStep> steps, List<Unrepairable> unrepairable) {

    public RepairPlan {
        drift = List.copyOf(drift);
        steps = List.copyOf(steps);
        unrepairable = List.copyOf(unrepairable);
    }

    /** Drift that no generated step may fix, and why. */
    public record Unrepairable(Drift drift, String reason) {
    }

    public boolean isEmpty() {
        return steps.isEmpty() && unrepairable.isEmpty();
    }

    public List<Drift> extras() {
        return drift.stream().filter(d -> d instanceof Drift.Extra).toList();
    }

    public List<PlanStep> refusedSteps(Set<Hazard> allowed) {
        return steps.stream().filter(s -> !s.notAllowed(allowed).isEmpty()).toList();
    }

    /** Every hazard in the plan, for messages such as "rerun with --allow TABLE_REWRITE". */
    public Set<Hazard> hazards() {
        EnumSet<Hazard> all = EnumSet.noneOf(Hazard.class);
        steps.forEach(s -> all.addAll(s.hazards()));
        return all;
    }
}
