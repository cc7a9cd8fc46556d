package io.driftgate.history;

import io.driftgate.apply.RepairExecutor;
import io.driftgate.apply.RepairGoal;
import io.driftgate.diff.SchemaDiffer;
import io.driftgate.model.SchemaModel;
import io.driftgate.read.replay.ReplayResult;
import io.driftgate.read.replay.ReplayStep;
import io.driftgate.read.replay.ReplayedMigration;

import org.flywaydb.core.api.MigrationVersion;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The repair goal of {@code migrate}: under the lock, compare Flyway's history and the live schema with
 * the replay, decide per pending migration (all present, partly present, absent), and return the schema
 * to reach plus the history rows to write in the same transaction.
 */
final class HistoryGoal implements RepairGoal {

    private final ReplayResult replay;
    private final FlywayHistoryTable history;
    private final Set<String> assumeApplied;
    private final Set<String> rerun;
    private volatile Optional<Reconciliation> lastDecision = Optional.empty();
    private volatile List<String> housekeeping = List.of();

    HistoryGoal(ReplayResult replay, FlywayHistoryTable history, Set<String> assumeApplied, Set<String> rerun) {
        this.replay = replay;
        this.history = history;
        this.assumeApplied = Set.copyOf(assumeApplied);
        this.rerun = Set.copyOf(rerun);
    }

    Optional<Reconciliation> lastDecision() {
        return lastDecision;
    }

    /** Failed rows removed, checksums realigned: said in the report. */
    List<String> housekeeping() {
        return housekeeping;
    }

    @Override
    public Optional<Decision> decide(Connection c, SchemaModel live) throws SQLException {
        List<HistoryRow> rows = history.rows(c);
        List<HistoryRow> failed = rows.stream().filter(r -> !r.success()).toList();
        Set<String> appliedVersions = rows.stream().filter(HistoryRow::success).flatMap(r -> r.version().stream())
                .collect(Collectors.toCollection(java.util.HashSet::new));
        // below a baseline (a B2__ migration Flyway applied, or flyway baseline) Flyway runs nothing: applied for us too
        Optional<MigrationVersion> baseline = rows.stream().filter(r -> r.success() && r.type().contains("BASELINE"))
                .flatMap(r -> r.version().stream()).map(MigrationVersion::fromVersion).max(MigrationVersion::compareTo);
        replay.steps().stream().flatMap(s -> s.migration().version().stream())
                .filter(v -> baseline.map(b -> MigrationVersion.fromVersion(v).compareTo(b) <= 0).orElse(false))
                .forEach(appliedVersions::add);
        // the versioned chain; a baseline (B2__…) is never part of it, so no V row is ever realigned to a B script
        List<ReplayStep> versioned = replay.steps().stream()
                .filter(s -> !s.migration().isRepeatable() && !s.migration().type().contains("BASELINE")).toList();

        List<MigrationChange> chain = new ArrayList<>();
        List<MigrationChange> applied = new ArrayList<>();
        List<MigrationChange> pending = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (ReplayStep step : versioned) {
            ReplayedMigration m = step.migration();
            String version = m.version().orElseThrow();
            // the text of the script Flyway resolved this migration from, read during the replay (ScriptText)
            Optional<String> script = step.script();
            MigrationChange change = new MigrationChange(m, replay.schemaBefore(version).orElseThrow(), step.schemaAfter(),
                    script.orElse(""), step.statements(), step.transactional());
            chain.add(change);
            if (appliedVersions.contains(version)) {
                applied.add(change);
            } else {
                if (script.isEmpty()) {
                    refusals.add(m.label() + ": its script could not be read to check it for data changes");
                }
                pending.add(change);
            }
        }
        List<ReplayedMigration> realign = checksumMismatches(rows, applied, live, refusals);

        Reconciliation reconciliation = HistoryReconciler.reconcile(chain, appliedVersions, live, assumeApplied, rerun);
        lastDecision = Optional.of(reconciliation);
        reconciliation.unprovable().forEach(s -> refusals.addAll(s.reasons()));
        refusals.addAll(InvalidIndexes.refusals(InvalidIndexes.in(c, replay.schemas()), replay.finalSchema()));
        refusals.addAll(failedDataMigrations(failed, pending));
        Optional<SchemaModel> target = reconciliation.target();
        target.ifPresent(t -> refusals.addAll(madeAheadOfTheirMigration(reconciliation, pending, t, live)));
        boolean drift = target.map(t -> !SchemaDiffer.actionable(SchemaDiffer.diff(t, live)).isEmpty()).orElse(false);
        List<String> notes = new ArrayList<>();
        failed.forEach(r -> notes.add("removed the failed history row of " + r.version().map(v -> "V" + v).orElse(r.script())
                + " (Flyway's record of a migration that failed; its effects are judged from the schema)"));
        realign.forEach(m -> notes.add("realigned the checksum of " + m.label() + ": the live schema holds its current effects"));
        housekeeping = List.copyOf(notes);
        List<String> stillToRun = reconciliation.leftToFlyway().stream().map(s -> pending.stream()
                .filter(p -> p.migration().equals(s.migration())).findFirst().orElseThrow().sql()).toList();
        List<io.driftgate.diff.Drift> names = target.map(t -> NamesThatMatter.find(t, live, stillToRun)).orElse(List.of());
        if (target.isEmpty() || reconciliation.nothingToRecord() && failed.isEmpty() && realign.isEmpty() && !drift
                && refusals.isEmpty() && names.isEmpty()) {
            return Optional.empty();
        }
        List<MigrationStatus> toRecord = reconciliation.toRecord();
        RepairExecutor.InTransaction writeHistory = connection -> {
            if (!history.exists(connection)) {
                history.create(connection);
            }
            history.deleteFailedRows(connection);
            for (ReplayedMigration m : realign) {
                history.realign(connection, m);
            }
            for (MigrationStatus s : toRecord) {
                if (s.status() == MigrationStatus.Status.RERUN) {
                    rerun(connection, pending.stream().filter(p -> p.migration().equals(s.migration())).findFirst().orElseThrow());
                }
                history.recordApplied(connection, s.migration());
            }
        };
        return Optional.of(new Decision(target.get(), Optional.of(writeHistory), refusals, names, reconciliation.afterRerun()));
    }

    /**
     * Runs a migration again, whole, as Flyway would: every statement as Flyway split it, in order, in this
     * transaction (the repair before it brought the database to the state just before the migration).
     */
    private static void rerun(Connection connection, MigrationChange m) throws SQLException {
        String version = m.migration().version().orElse("?");
        List<String> statements = m.statements();
        for (int i = 0; i < statements.size(); i++) {
            try (Statement st = connection.createStatement()) {
                st.execute(statements.get(i));
            } catch (SQLException e) {
                // keep the SQLSTATE: a lock not granted is retried like any repair statement
                throw new SQLException(m.migration().label() + ", run again for --rerun " + version + ", failed at statement " + (i + 1)
                        + " of " + statements.size() + ": " + e.getMessage() + ". --rerun runs the whole migration as Flyway would, "
                        + "from the state before it; if some of its changes are already there and it cannot run over them, undo "
                        + "them by hand, or pass --assume-applied " + version + " if its data changes ran", e.getSQLState(), e);
            }
        }
    }

    /**
     * An object a migration left to Flyway creates, which the database already has though the state it is judged at lacks
     * it: made by hand ahead of its migration. Flyway would stop there with "already exists" after applying (and
     * committing) the migrations before it; refuse before anything runs. A script that says IF NOT EXISTS is left to Flyway.
     */
    private static List<String> madeAheadOfTheirMigration(Reconciliation reconciliation, List<MigrationChange> pending,
                                                         SchemaModel target, SchemaModel live) {
        Set<String> extras = SchemaDiffer.diff(target, live).stream().filter(d -> d instanceof io.driftgate.diff.Drift.Extra)
                .map(io.driftgate.diff.Drift::subject).collect(Collectors.toSet());
        List<String> refusals = new ArrayList<>();
        for (MigrationStatus s : reconciliation.leftToFlyway()) {
            MigrationChange change = pending.stream().filter(p -> p.migration().equals(s.migration())).findFirst().orElseThrow();
            if (change.sql().toUpperCase(java.util.Locale.ROOT).contains("IF NOT EXISTS")) {
                continue;
            }
            List<String> ahead = HistoryReconciler.effects(change).stream().map(io.driftgate.diff.Drift::subject)
                    .filter(extras::contains).distinct().toList();
            if (!ahead.isEmpty()) {
                refusals.add(change.migration().label() + " creates " + String.join(", ", ahead) + ", which the database already has "
                        + "while the migrations before it are not all in place: it was made ahead of its migration, and Flyway would "
                        + "stop there with \"already exists\" after committing the ones before. Drop it (if it holds nothing you "
                        + "need) or apply the migrations up to " + change.migration().label() + " by hand, then rerun");
                break; // the first one is where Flyway would stop
            }
        }
        return refusals;
    }

    /**
     * A failed history row says Flyway started the migration; on PostgreSQL a transactional one leaves no such row, so the
     * row comes from a migration outside a transaction or from a hand. Whether its data statements ran, the schema cannot
     * tell: removing the row would let Flyway run them a second time.
     */
    private List<String> failedDataMigrations(List<HistoryRow> failed, List<MigrationChange> pending) {
        List<String> refusals = new ArrayList<>();
        for (HistoryRow row : failed) {
            Optional<String> version = row.version();
            if (version.isEmpty() || assumeApplied.contains(version.get()) || rerun.contains(version.get())) {
                continue;
            }
            pending.stream().filter(p -> p.migration().version().equals(version)).findFirst().ifPresent(p -> {
                List<DataChangeDetector.DataStatement> data = DataChangeDetector.dataStatements(p.statements(), p.sql());
                if (!data.isEmpty()) {
                    refusals.add(p.migration().label() + " has a failed history row and changes data (" + data.get(0).keyword()
                            + " at " + p.migration().script() + ":" + data.get(0).line() + "): driftgate cannot tell whether its "
                            + "data statements ran, and Flyway would run them again. Check the data, then pass --assume-applied "
                            + version.get() + " if they ran, or --rerun " + version.get() + " to run the migration again");
                }
            });
        }
        return refusals;
    }

    /** Applied migrations whose script changed since: realigned when the live schema shows their current effects. */
    private List<ReplayedMigration> checksumMismatches(List<HistoryRow> rows, List<MigrationChange> applied, SchemaModel live,
                                                       List<String> refusals) {
        List<ReplayedMigration> realign = new ArrayList<>();
        for (MigrationChange change : applied) {
            ReplayedMigration m = change.migration();
            // a baseline row (B2__, flyway baseline) carries the baseline's checksum, never a V script's
            Optional<HistoryRow> row = rows.stream().filter(r -> r.success() && r.version().equals(m.version())
                    && !r.type().contains("BASELINE")).findFirst();
            if (row.isEmpty() || row.get().checksum().equals(m.checksum())) {
                continue;
            }
            List<DataChangeDetector.DataStatement> data = change.dataStatements();
            if (!data.isEmpty()) {
                // the schema cannot show whether an edited data statement ran: realigning would erase validate's evidence
                DataChangeDetector.DataStatement first = data.get(0);
                refusals.add(m.label() + " was edited after it was applied (checksum " + row.get().checksum().map(String::valueOf).orElse("none")
                        + " → " + m.checksum().map(String::valueOf).orElse("none") + ") and changes data (" + change.whereData(first)
                        + "), which the schema cannot prove ran: driftgate does not realign its "
                        + "checksum. Restore the original script and put the change in a new migration, or, if you know the edited "
                        + "script's effects are all in the database, run flyway repair yourself");
                continue;
            }
            boolean effectsPresent = HistoryReconciler.effects(change).stream().allMatch(e -> SchemaDiffer.diff(change.after(), live)
                    .stream().noneMatch(d -> io.driftgate.diff.DriftScope.covers(d, e)));
            if (effectsPresent) {
                realign.add(m);
            } else {
                refusals.add(m.label() + " was edited after it was applied (checksum " + row.get().checksum().orElse(null) + " → "
                        + m.checksum().orElse(null) + ") and the live schema does not show its new effects: restore the "
                        + "original script, or add the change as a new migration");
            }
        }
        return realign;
    }
}
