package io.driftgate.history;

import io.driftgate.apply.RepairExecutor;
import io.driftgate.apply.RepairOutcome;
import io.driftgate.db.ConnectionSettings;
import io.driftgate.db.DatabaseIdentity;
import io.driftgate.diff.Drift;
import io.driftgate.diff.SchemaDiffer;
import io.driftgate.failure.DriftgateException;
import io.driftgate.model.SchemaModel;
import io.driftgate.read.catalog.CatalogReader;
import io.driftgate.read.replay.MigrationReplay;
import io.driftgate.read.replay.ReplayCache;
import io.driftgate.read.replay.ReplayResult;
import io.driftgate.read.replay.ShadowSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.api.output.ValidateResult;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The deploy command: replay the migrations, reconcile Flyway's history with the live schema under the
 * migration lock (repair DDL and history rows in one transaction), let Flyway run what is truly absent,
 * then prove the result: the live schema equals the replay (extras aside) and Flyway sees nothing
 * pending or invalid. The same code path the scenario suite exercises.
 */
public final class RecoveringMigrate {

    /** Errors that mean "the database already has this": the incident's 42701 and its siblings. */
    static final Set<String> ALREADY_EXISTS = Set.of("42701", "42P07", "42710", "42P06", "42723", "42P16");
    private static final int MAX_RECONCILE_ROUNDS = 2;

    private final Map<String, String> env;

    public RecoveringMigrate(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /**
     * Replays the migrations and reconciles Flyway's history with the live schema: applied in one
     * transaction, or only planned when {@code options.repair().dryRun()}.
     */
    public ReconcileResult reconcile(ConnectionSettings target, MigrateOptions options, Consumer<String> say) {
        ReplayResult replay = replay(target, options, say);
        return reconcile(target, NothingUnchecked.resolveVersions(options, replay), replay, say);
    }

    public MigrateResult migrate(ConnectionSettings target, MigrateOptions options, Consumer<String> progress) {
        List<String> log = new ArrayList<>();
        Consumer<String> say = line -> {
            log.add(line);
            progress.accept(line);
        };
        ReplayResult replay = replay(target, options, say);
        options = NothingUnchecked.resolveVersions(options, replay);
        Flyway flyway = flyway(target, options);
        JavaMigrations.requireResolvable(flyway);
        ReconcileResult reconciled;
        int executed = 0;
        List<ReconcileResult> committed = new ArrayList<>();
        for (int round = 1; ; round++) {
            reconciled = reconcile(target, options, replay, say);
            if (reconciled.repair() instanceof RepairOutcome.Refused && (!committed.isEmpty() || executed > 0)) {
                // exit 2 promises that nothing changed; an earlier round of this run did commit
                throw DriftgateException.database("The database changed while this deploy ran: the second reconciliation was "
                        + "refused (see above) after the first had committed its repair and history rows (listed above as applied and "
                        + "recorded). Those stay and are consistent; decide the refusal, then rerun driftgate migrate.", null);
            }
            if (reconciled.repair() instanceof RepairOutcome.Applied) {
                committed.add(reconciled);
            }
            if (reconciled.repair() instanceof RepairOutcome.Refused) {
                say.accept("Nothing was changed. A human must decide; see above.");
                return new MigrateResult(MigrateResult.Outcome.REFUSED, log, reconciled.reconciliation(),
                        Optional.of(reconciled.repair()), executed);
            }
            say.accept("Running Flyway migrate for what is left");
            try {
                int ran = FlywayStage.migrate(flyway, target, options, say,
                        executed > 0 || reconciled.repair() instanceof RepairOutcome.Applied);
                executed += ran;
                say.accept("  Flyway applied " + ran + " migration(s)");
                break;
            } catch (FlywayMigrateException e) {
                if (round < MAX_RECONCILE_ROUNDS && e.getSqlState() != null && ALREADY_EXISTS.contains(e.getSqlState())) {
                    executed += e.getErrorResult() == null ? 0 : e.getErrorResult().getSuccessfulMigrations().size();
                    say.accept("  Flyway failed with SQLSTATE " + e.getSqlState() + " (" + firstLine(e.getMessage())
                            + "): the database changed meanwhile; reconciling again");
                    continue;
                }
                throw FlywayStageFailure.of(e, committed, executed, flyway);
            } catch (FlywayException e) {
                throw FlywayStageFailure.of(e, committed, executed, flyway);
            }
        }
        verify(target, replay, flyway, options, say);
        return new MigrateResult(MigrateResult.Outcome.CONVERGED, log, reconciled.reconciliation(), Optional.of(reconciled.repair()),
                executed);
    }

    private ReplayResult replay(ConnectionSettings target, MigrateOptions options, Consumer<String> say) {
        options.shadowUrl().ifPresent(shadow -> requireDistinct(target, shadow));
        ShadowSource shadow = ShadowSource.choose(options.shadowUrl(), Optional.of(target), options.shadowOnTarget());
        say.accept("Replaying the migrations in " + String.join(", ", options.locations()) + " (shadow: " + shadow.description() + ")");
        ReplayResult replay = new MigrationReplay(shadow, reader(options)::read, Optional.of(ReplayCache.standard(env)))
                .replay(options.locations(), options.schemas(), options.flyway());
        say.accept("  " + replay.steps().size() + " migration(s) replayed" + (replay.fromCache() ? " (from the cache)" : ""));
        NothingUnchecked.requireSchemasChecked(options.schemas(), replay, Optional.of(target)).forEach(say);
        return replay;
    }

    /** The replay writes into the shadow: given the target itself, it would build the schema there. */
    private static void requireDistinct(ConnectionSettings target, ConnectionSettings shadow) {
        boolean same;
        try {
            same = DatabaseIdentity.of(target).equals(DatabaseIdentity.of(shadow));
        } catch (SQLException e) {
            throw DriftgateException.database("Could not connect to compare the target " + target + " and the shadow " + shadow
                    + ": " + io.driftgate.db.ConnectionTimeouts.explain(target, e), e);
        }
        if (same) {
            throw DriftgateException.badInput("--shadow-url " + shadow + " is the target database itself: the replay would build the "
                    + "migrations' schema in it. Give an empty database of its own, or leave --shadow-url out.");
        }
    }

    private ReconcileResult reconcile(ConnectionSettings target, MigrateOptions options, ReplayResult replay, Consumer<String> say) {
        FlywayHistoryTable history = new FlywayHistoryTable(options.historySchema(), options.repair().historyTable());
        HistoryGoal goal = new HistoryGoal(replay, history, options.assumeApplied(), options.rerun());
        say.accept("Comparing Flyway's history and the live schema with the migrations"
                + (options.repair().dryRun() ? " (dry run: nothing will change)" : " (under the migration lock)"));
        RepairOutcome repair = new RepairExecutor(reader(options)).repair(target, options.schemas(), options.historySchema(),
                options.repair(), goal);
        Optional<Reconciliation> reconciliation = goal.lastDecision();
        reconciliation.ifPresent(r -> describe(r, say));
        if (repair instanceof RepairOutcome.Refused refused) {
            refused.refusals().forEach(x -> say.accept("  REFUSED " + x.subject() + ": " + x.reason()));
        } else if (repair instanceof RepairOutcome.Applied applied) {
            applied.executed().forEach(s -> say.accept("  applied: " + s.sql()));
            goal.housekeeping().forEach(h -> say.accept("  " + h));
            reconciliation.ifPresent(r -> r.toRecord().forEach(s -> say.accept("  recorded as applied: " + s.migration().label())));
            say.accept("  committed (one transaction)");
        } else if (repair instanceof RepairOutcome.Planned planned) {
            planned.plan().steps().forEach(s -> say.accept("  would apply: " + s.sql()));
            goal.housekeeping().forEach(h -> say.accept("  would have " + h));
        } else {
            say.accept("  history and schema agree: nothing to reconcile");
        }
        return new ReconcileResult(replay, repair, reconciliation, goal.housekeeping());
    }

    private void verify(ConnectionSettings target, ReplayResult replay, Flyway flyway, MigrateOptions options, Consumer<String> say) {
        say.accept("Verifying: live schema = replay of all migrations, Flyway validate passes, nothing pending");
        SchemaModel live;
        try (Connection c = target.open()) {
            live = reader(options).read(c, options.schemas());
        } catch (SQLException e) {
            throw DriftgateException.database("cannot read " + target + " to verify: " + e.getMessage(), e);
        }
        List<Drift> all = SchemaDiffer.diff(replay.finalSchema(), live);
        List<Drift> drift = SchemaDiffer.actionable(all);
        if (!drift.isEmpty()) {
            throw DriftgateException.database("after migrate the schema still differs from the migrations: "
                    + drift.stream().map(Drift::describe).collect(Collectors.joining("; ")), null);
        }
        ValidateResult validate = flyway.validateWithResult();
        if (!validate.validationSuccessful) {
            throw DriftgateException.database("Flyway validate fails after migrate: " + validate.getAllErrorMessages(), null);
        }
        int pending = flyway.info().pending().length;
        if (pending > 0) {
            throw DriftgateException.database("Flyway still sees " + pending + " pending migration(s) after migrate", null);
        }
        long extras = all.size() - drift.size();
        say.accept("  converged" + (extras == 0 ? "" : "; " + extras + " object(s) the migrations don't declare were kept"));
    }

    private static void describe(Reconciliation r, Consumer<String> say) {
        for (MigrationStatus s : r.statuses()) {
            String what = switch (s.status()) {
                case ALL_PRESENT -> "all effects present: record as applied";
                case PARTLY_PRESENT -> "partly present (missing: " + String.join(", ", s.missing()) + "): complete, then record";
                case ABSENT -> "absent: Flyway runs it";
                case UNPROVABLE -> "cannot be proven applied";
                case ASSUMED_APPLIED -> "changes data; --assume-applied: record as applied";
                case RERUN -> "changes data; --rerun: run again, then record";
            };
            say.accept("  " + s.migration().label() + ": " + what);
        }
    }

    /** Leaves out the history table under the name this application gives it; waits for locks as repairs do. */
    private static CatalogReader reader(MigrateOptions options) {
        return new CatalogReader(options.repair().historyTable(), options.repair().lockRetry());
    }

    /** The application's Flyway (its whole configuration), with driftgate's data source, timeouts and locations. */
    static Flyway flyway(ConnectionSettings target, MigrateOptions options) {
        return FlywayStage.bounded(MigrationReplay.withoutTransactionalLock(options.flyway().configure()), target, options.repair())
                .locations(options.locations().toArray(String[]::new))
                .schemas(options.schemas().toArray(String[]::new))
                .table(options.repair().historyTable())
                .validateMigrationNaming(true)
                .load();
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
