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
 * before it to the schema after it). Every migration up to the last one with any effect present is
 * recorded (after the planner completes what is missing); the ones after it are left to Flyway, which
 * runs migrations in order. A migration that changes data, or drops something still there, cannot be
 * proven applied from the schema: it is reported as unprovable unless the user says what to do.
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
        int last = -1;
        for (int i = 0; i < pending.size(); i++) {
            if (anyEffectPresent(pending.get(i), live)) {
                last = i;
            }
        }
        Optional<SchemaModel> target = last >= 0 ? Optional.of(pending.get(last).after())
                : applied.isEmpty() ? Optional.empty() : Optional.of(applied.get(applied.size() - 1).after());
        List<MigrationStatus> statuses = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            MigrationChange m = pending.get(i);
            if (i > last) {
                statuses.add(new MigrationStatus(m.migration(), MigrationStatus.Status.ABSENT, List.of(),
                        effects(m).stream().map(Drift::subject).toList(), List.of()));
            } else {
                statuses.add(statusAgainstTarget(m, target.orElseThrow(), live, assumeApplied, rerun));
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

    private static boolean anyEffectPresent(MigrationChange m, SchemaModel live) {
        List<Drift> stillMissing = SchemaDiffer.actionable(SchemaDiffer.diff(m.after(), live));
        return effects(m).stream().anyMatch(e -> stillMissing.stream().noneMatch(d -> DriftScope.covers(d, e)));
    }

    private static MigrationStatus statusAgainstTarget(MigrationChange m, SchemaModel target, SchemaModel live,
                                                       Set<String> assumeApplied, Set<String> rerun) {
        List<Drift> towardsTarget = SchemaDiffer.diff(target, live);
        List<String> present = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Drift e : effects(m)) {
            List<String> differing = towardsTarget.stream().filter(d -> !(d instanceof Drift.Extra)
                    && (DriftScope.covers(d, e) || DriftScope.covers(e, d))).map(Drift::subject).toList();
            if (differing.isEmpty()) {
                present.add(e.subject());
            } else {
                differing.stream().filter(x -> !missing.contains(x)).forEach(missing::add);
            }
        }
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
