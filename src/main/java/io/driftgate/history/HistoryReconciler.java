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
 * live schema. First where the live schema stands in the replay's sequence of states
 * ({@link ReplayPosition}): every migration up to that position is recorded (after the planner completes
 * what is missing), the ones after it are left to Flyway, which runs migrations in order. A migration's
 * effects are what its replay added or changed (its drift from the schema before it to the schema after
 * it). A migration that changes data, or drops something still there, cannot be proven applied from the
 * schema: it is reported as unprovable unless the user says what to do.
 */
public final class HistoryReconciler {

    private HistoryReconciler() {
    }

    /**
     * @param chain         the versioned migrations in order, applied and pending, with their replayed schemas
     * @param applied       versions the history records as applied (successfully)
     * @param live          the live schema
     * @param assumeApplied versions ({@code 7}, {@code 1.2}) the user declares applied despite data changes
     * @param rerun         versions the user wants run again inside the repair
     */
    public static Reconciliation reconcile(List<MigrationChange> chain, Set<String> applied, SchemaModel live,
                                           Set<String> assumeApplied, Set<String> rerun) {
        int floor = -1;
        for (int i = 0; i < chain.size(); i++) {
            if (applied.contains(version(chain.get(i)))) {
                floor = i;
            }
        }
        ReplayPosition.Place place = ReplayPosition.of(chain).place(floor, live);
        int position = place.position();
        if (position > floor) {
            // the schema is the same through tiedThrough: a migration the user declares applied there is recorded too
            for (int i = position + 1; i <= place.tiedThrough(); i++) {
                if (assumeApplied.contains(version(chain.get(i)))) {
                    position = i;
                }
            }
        }
        // a migration to run again runs whole, in order, as Flyway would: the repair stops just before it
        int rerunAt = -1;
        for (int i = floor + 1; i <= position && rerunAt < 0; i++) {
            if (!applied.contains(version(chain.get(i))) && rerun.contains(version(chain.get(i)))) {
                rerunAt = i;
            }
        }
        Optional<SchemaModel> afterRerun = rerunAt < 0 ? Optional.empty() : Optional.of(chain.get(rerunAt).after());
        Optional<SchemaModel> target = rerunAt >= 0 ? Optional.of(RerunTarget.before(chain.get(rerunAt), live))
                : position >= 0 ? Optional.of(chain.get(position).after()) : Optional.empty();
        int lastRecorded = rerunAt >= 0 ? rerunAt - 1 : position;
        List<Drift> towardsTarget = target.map(t -> SchemaDiffer.diff(t, live)).orElse(List.of());
        List<MigrationChange> recordable = new ArrayList<>();
        for (int i = 0; i <= lastRecorded; i++) {
            if (!applied.contains(version(chain.get(i)))) {
                recordable.add(chain.get(i));
            }
        }
        List<List<Drift>> effects = recordable.stream().map(HistoryReconciler::effects).toList();
        List<List<String>> missing = attribute(effects, towardsTarget);
        List<MigrationStatus> statuses = new ArrayList<>();
        for (int i = 0; i < recordable.size(); i++) {
            statuses.add(status(recordable.get(i), effects.get(i), missing.get(i), towardsTarget, assumeApplied, rerun));
        }
        if (rerunAt >= 0) {
            MigrationChange r = chain.get(rerunAt);
            List<String> reasons = r.transactional() ? List.of() : List.of(r.migration().label() + " cannot run inside driftgate's "
                    + "transaction (Flyway runs it outside one, e.g. CREATE INDEX CONCURRENTLY), so --rerun " + version(r)
                    + " cannot run it again safely: run it by hand, then pass --assume-applied " + version(r));
            statuses.add(new MigrationStatus(r.migration(), reasons.isEmpty() ? MigrationStatus.Status.RERUN
                    : MigrationStatus.Status.UNPROVABLE, List.of(), List.of(), reasons));
        }
        for (int i = Math.max(lastRecorded, rerunAt) + 1; i < chain.size(); i++) {
            MigrationChange m = chain.get(i);
            if (!applied.contains(version(m))) {
                Optional<String> unknowable = position > floor && i <= place.tiedThrough() && !rerun.contains(version(m))
                        ? ranOrNot(m, assumeApplied) : Optional.empty();
                statuses.add(new MigrationStatus(m.migration(), unknowable.isPresent() ? MigrationStatus.Status.UNPROVABLE
                        : MigrationStatus.Status.ABSENT, List.of(), effects(m).stream().map(Drift::subject).toList(),
                        unknowable.stream().toList()));
            }
        }
        return new Reconciliation(statuses, target, afterRerun);
    }

    /**
     * The history is behind the schema (the schema shows migrations after the last recorded one ran), and the schema is
     * the same whether {@code m} ran or not: if {@code m} changes data, nothing shows whether it ran, and letting Flyway
     * run it could run its data statements a second time.
     */
    private static Optional<String> ranOrNot(MigrationChange m, Set<String> assumeApplied) {
        List<DataChangeDetector.DataStatement> data = DataChangeDetector.dataStatements(m.statements(), m.sql());
        if (data.isEmpty() || assumeApplied.contains(version(m))) {
            return Optional.empty();
        }
        return Optional.of(m.migration().label() + " changes data (" + data.get(0).keyword() + " at " + m.migration().script() + ":"
                + data.get(0).line() + ") and leaves the schema as the database has it, while Flyway's history is behind: "
                + "driftgate cannot tell whether it ran. Pass --assume-applied " + version(m) + " if it ran, or --rerun "
                + version(m) + " to run it again");
    }

    private static String version(MigrationChange m) {
        return m.migration().version().orElseThrow();
    }

    /** What the migration adds or changes. */
    static List<Drift> effects(MigrationChange m) {
        return SchemaDiffer.actionable(SchemaDiffer.diff(m.after(), m.before()));
    }

    /** What the migration drops: objects its before-schema has and its after-schema does not. */
    static List<Drift> drops(MigrationChange m) {
        return SchemaDiffer.diff(m.after(), m.before()).stream().filter(d -> d instanceof Drift.Extra).toList();
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
        List<DataChangeDetector.DataStatement> data = m.dataStatements();
        if (rerun.contains(version)) {
            return new MigrationStatus(m.migration(), MigrationStatus.Status.RERUN, present, missing, List.of());
        }
        if (!data.isEmpty() && !assumeApplied.contains(version)) {
            DataChangeDetector.DataStatement first = data.get(0);
            reasons.add(m.migration().label() + " changes data (" + m.whereData(first)
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
