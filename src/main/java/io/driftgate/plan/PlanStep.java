package io.driftgate.plan;

import io.driftgate.diff.Drift;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One repair statement with what it costs: its SQL, the lock it takes, whether it rewrites the table,
 * its hazards and the data check that must pass first.
 */
public record PlanStep(
        String sql,
        Drift fixes,
        LockLevel lock,
        boolean rewritesTable,
        Set<Hazard> hazards,
        List<DataCheck> dataChecks) {

    public PlanStep {
        hazards = hazards.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(hazards));
        dataChecks = List.copyOf(dataChecks);
    }

    public static PlanStep safe(String sql, Drift fixes, LockLevel lock) {
        return new PlanStep(sql, fixes, lock, false, Set.of(), List.of());
    }

    public PlanStep withCheck(DataCheck check) {
        return new PlanStep(sql, fixes, lock, rewritesTable, hazards, concat(dataChecks, check));
    }

    public PlanStep withHazard(Hazard hazard) {
        EnumSet<Hazard> all = hazards.isEmpty() ? EnumSet.noneOf(Hazard.class) : EnumSet.copyOf(hazards);
        all.add(hazard);
        return new PlanStep(sql, fixes, lock, rewritesTable || hazard == Hazard.TABLE_REWRITE, all, dataChecks);
    }

    /** The hazards of this step that {@code allowed} does not cover. */
    public Set<Hazard> notAllowed(Set<Hazard> allowed) {
        EnumSet<Hazard> missing = hazards.isEmpty() ? EnumSet.noneOf(Hazard.class) : EnumSet.copyOf(hazards);
        missing.removeAll(allowed);
        return missing;
    }

    private static <T> List<T> concat(List<T> list, T item) {
        java.util.ArrayList<T> copy = new java.util.ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
