package io.driftgate.history;

import io.driftgate.diff.Drift;
import io.driftgate.diff.DriftScope;
import io.driftgate.diff.SchemaDiffer;
import io.driftgate.model.SchemaModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, per pending migration, whether its effects are all present, partly present or absent in the
 * live schema. A migration's effects are what its replay added or changed (its drift from the schema
 * before it to the schema after it), and the columns it dropped from tables that still exist. Every
 * migration up to the last one with any effect present is recorded (after the planner completes what is
 * missing); the ones after it are left to Flyway, which runs migrations in order. A migration that
 * changes data, or drops something still there, cannot be proven applied from the schema: it is
 * reported as unprovable unless the user says what to do.
 */
public final class HistoryReconciler {

    private HistoryReconciler() {
    }

    /**
     * @param applied       migrations the history already records, in order (their schemas give the floor)
     * @param pending       pending versioned migrations, in order
     * @param live          the live schema
     * @param assumeApplied versions ({@code 7}, {@code 1.2}) the user declares applied despite data changes
     * @param rerun         versions the user wants run again inside the repair
     */
    public static Reconciliation reconcile(List<MigrationChange> applied, List<MigrationChange> pending, SchemaModel live,
                                           Set<String> assumeApplied, Set<String> rerun) {
        List<List<Drift>> effects = pending.stream().map(HistoryReconciler::effects).toList();
        int last = -1;
        for (int i = 0; i < pending.size(); i++) {
            if (anyEffectPresent(pending.get(i), effects.get(i), live)) {
                last = i;
            }
        }
        Optional<SchemaModel> target = last >= 0 ? Optional.of(pending.get(last).after())
                : applied.isEmpty() ? Optional.empty() : Optional.of(applied.get(applied.size() - 1).after());
        List<Drift> towardsTarget = target.map(t -> SchemaDiffer.diff(t, live)).orElse(List.of());
        List<List<String>> missing = attribute(effects.subList(0, last + 1), towardsTarget);
        List<MigrationStatus> statuses = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            MigrationChange m = pending.get(i);
            if (i > last) {
                statuses.add(new MigrationStatus(m.migration(), MigrationStatus.Status.ABSENT, List.of(),
                        effects.get(i).stream().map(Drift::subject).toList(), List.of()));
            } else {
                statuses.add(status(m, effects.get(i), missing.get(i), towardsTarget, assumeApplied, rerun));
            }
        }
        return new Reconciliation(statuses, target);
    }

    /** What the migration adds or changes. */
    static List<Drift> effects(MigrationChange m) {
        return SchemaDiffer.actionable(SchemaDiffer.diff(m.after(), m.before()));
    }

    /** What the migration drops: objects its before-schema has and its after-schema does not. */
    static List<Drift> drops(MigrationChange m) {
        return SchemaDiffer.diff(m.after(), m.before()).stream().filter(d -> d instanceof Drift.Extra).toList();
    }

    private static boolean anyEffectPresent(MigrationChange m, List<Drift> effects, SchemaModel live) {
        List<Drift> stillMissing = SchemaDiffer.actionable(SchemaDiffer.diff(m.after(), live));
        return effects.stream().anyMatch(e -> stillMissing.stream().noneMatch(d -> DriftScope.covers(d, e)))
                || drops(m).stream().anyMatch(drop -> droppedFromATableThatIsThere(drop, live));
    }

    /** A column the migration drops, gone from a table that is still there: evidence that the drop ran. */
    private static boolean droppedFromATableThatIsThere(Drift drop, SchemaModel live) {
        return drop instanceof Drift.ExtraColumn c && live.table(c.table()).map(t -> t.column(c.column()).isEmpty()).orElse(false);
    }

    /**
     * Each drift between the target and the live schema belongs to the latest migration whose effect is
     * exactly that object, else the latest whose effect contains it (the migration that created its table).
     */
    private static List<List<String>> attribute(List<List<Drift>> effects, List<Drift> towardsTarget) {
        List<List<String>> missing = new ArrayList<>();
        effects.forEach(e -> missing.add(new ArrayList<>()));
        for (Drift d : SchemaDiffer.actionable(towardsTarget)) {
            int owner = -1;
            boolean exact = false;
            for (int i = 0; i < effects.size(); i++) {
                for (Drift e : effects.get(i)) {
                    if (e.subject().equals(d.subject())) {
                        owner = i;
                        exact = true;
                    } else if (!exact && (DriftScope.covers(e, d) || DriftScope.covers(d, e))) {
                        owner = i;
                    }
                }
            }
            if (owner >= 0 && !missing.get(owner).contains(d.subject())) {
                missing.get(owner).add(d.subject());
            }
        }
        return missing;
    }

    private static MigrationStatus status(MigrationChange m, List<Drift> effects, List<String> missing, List<Drift> towardsTarget,
                                          Set<String> assumeApplied, Set<String> rerun) {
        List<String> present = effects.stream().map(Drift::subject).filter(s -> !missing.contains(s)).toList();
        List<String> reasons = new ArrayList<>();
        for (Drift drop : drops(m)) {
            if (towardsTarget.stream().anyMatch(d -> d instanceof Drift.Extra && d.subject().equals(drop.subject()))) {
                reasons.add(m.migration().label() + " drops " + drop.subject() + ", which is still there; driftgate never drops: "
                        + "drop it by hand, or pass --rerun " + m.migration().version().orElse("?"));
            }
        }
        String version = m.migration().version().orElse("");
        List<DataChangeDetector.DataStatement> data = DataChangeDetector.dataStatements(m.sql());
        if (rerun.contains(version)) {
            return new MigrationStatus(m.migration(), MigrationStatus.Status.RERUN, present, missing, List.of());
        }
        if (!data.isEmpty() && !assumeApplied.contains(version)) {
            DataChangeDetector.DataStatement first = data.get(0);
            reasons.add(m.migration().label() + " changes data (" + first.keyword() + " at " + m.migration().script() + ":" + first.line()
                    + "), which the schema cannot prove applied: pass --assume-applied " + version + " if it ran, or --rerun " + version
                    + " to run it again");
        }
        if (!reasons.isEmpty()) {
            return new MigrationStatus(m.migration(), MigrationStatus.Status.UNPROVABLE, present, missing, reasons);
        }
        if (!data.isEmpty()) {
            return new MigrationStatus(m.migration(), MigrationStatus.Status.ASSUMED_APPLIED, present, missing, List.of());
        }
        return new MigrationStatus(m.migration(), missing.isEmpty() ? MigrationStatus.Status.ALL_PRESENT
                : MigrationStatus.Status.PARTLY_PRESENT, present, missing, List.of());
    }
}
