package io.driftgate.apply;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.db.ConnectionTimeouts;
import io.driftgate.db.LockHolders;
import io.driftgate.diff.Drift;
import io.driftgate.diff.SchemaDiffer;
import io.driftgate.failure.DriftgateException;
import io.driftgate.model.SchemaModel;
import io.driftgate.plan.PlanStep;
import io.driftgate.plan.RepairPlan;
import io.driftgate.plan.RepairPlanner;
import io.driftgate.read.catalog.CatalogReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Applies a repair the way the brief promises: one transaction, under the migration lock, planned
 * against the live schema as it is once the lock is held, data checked before anything runs, each
 * statement bounded by {@code lock_timeout} (the whole transaction retried with back-off when a lock
 * is not granted), the result re-read and compared before commit. A failure or a kill leaves the
 * database as it was.
 */
public final class RepairExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(RepairExecutor.class);

    /** More work for the same transaction, after the DDL (history rows, for instance). */
    @FunctionalInterface
    public interface InTransaction {
        void run(Connection connection) throws SQLException;
    }

    private final CatalogReader reader;

    public RepairExecutor(CatalogReader reader) {
        this.reader = reader;
    }

    public RepairOutcome repair(ConnectionSettings target, SchemaModel expected, RepairSettings settings) {
        return repair(target, expected, settings, Optional.empty());
    }

    public RepairOutcome repair(ConnectionSettings target, SchemaModel expected, RepairSettings settings,
                                Optional<InTransaction> more) {
        return repair(target, expected.schemas(), settings, RepairGoal.fixed(expected, more));
    }

    /** Reads the live schema under the lock, lets {@code goal} decide, and repairs towards its decision. */
    public RepairOutcome repair(ConnectionSettings target, List<String> schemas, RepairSettings settings, RepairGoal goal) {
        return repair(target, schemas, schemas.isEmpty() ? "public" : schemas.get(0), settings, goal);
    }

    /**
     * As above, with the schema of Flyway's history table ({@code defaultSchema} when the application sets it,
     * else the first schema): it decides the key of Flyway's migration lock, which driftgate takes too.
     */
    public RepairOutcome repair(ConnectionSettings target, List<String> schemas, String historySchema, RepairSettings settings,
                                RepairGoal goal) {
        long lockKey = FlywayLock.key(historySchema, settings.historyTable());
        try {
            return settings.lockRetry().run(settings.dryRun() ? "plan" : "repair", attempt -> once(target, schemas, settings, lockKey, goal, attempt),
                    (last, attempts) -> lockFailure(target, schemas, settings, attempts, last));
        } catch (SQLException e) {
            throw DriftgateException.database("the repair failed and was rolled back, nothing was changed: " + e.getMessage()
                    + " (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    /** One attempt in a transaction of its own: committed when applied, rolled back otherwise. */
    private RepairOutcome once(ConnectionSettings target, List<String> schemas, RepairSettings settings, long lockKey,
                               RepairGoal goal, int attempt) throws SQLException {
        Connection connection;
        try {
            connection = target.open();
        } catch (SQLException e) {
            throw DriftgateException.database("cannot connect to " + target + ": " + ConnectionTimeouts.explain(target, e)
                    + " Check the URL, the user and the password (nothing was changed).", e);
        }
        try (Connection c = connection) {
            c.setAutoCommit(false);
            try {
                RepairOutcome outcome = attempt(c, schemas, settings, lockKey, goal, attempt);
                if (outcome instanceof RepairOutcome.Applied) {
                    c.commit();
                } else {
                    c.rollback();
                }
                return outcome;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        }
    }

    private RepairOutcome attempt(Connection c, List<String> schemas, RepairSettings settings, long lockKey,
                                  RepairGoal goal, int attempt) throws SQLException {
        if (settings.dryRun()) {
            execute(c, "SET TRANSACTION READ ONLY");
        }
        // the migration lock first: its wait (10 min) is bounded by its own lock_timeout, not cut by statement_timeout
        if (!settings.dryRun() && !FlywayLock.acquireForTransaction(c, lockKey, settings.waitForOtherRun())) {
            throw new DriftgateException(io.driftgate.failure.Failure.DATABASE, "another migration run held the lock on "
                    + settings.historyTable() + " for more than " + settings.waitForOtherRun().toSeconds()
                    + " s; nothing was changed. Rerun when it has finished.");
        }
        execute(c, "SET LOCAL statement_timeout = '" + settings.statementTimeout().toMillis() + "ms'");
        execute(c, "SET LOCAL lock_timeout = " + settings.lockRetry().setting());

        SchemaModel live = reader.read(c, schemas);
        Optional<RepairGoal.Decision> decision = goal.decide(c, live);
        if (decision.isEmpty()) {
            return new RepairOutcome.NothingToDo(new RepairPlan(List.of(), List.of(), List.of()));
        }
        SchemaModel expected = decision.get().expected();
        Optional<InTransaction> more = decision.get().more();
        RepairPlan plan = RepairPlanner.plan(expected, live, RowEstimatesReader.read(c, schemas), decision.get().moreDrift());
        if (plan.steps().isEmpty() && plan.unrepairable().isEmpty() && more.isEmpty() && decision.get().refusals().isEmpty()) {
            return new RepairOutcome.NothingToDo(plan);
        }
        List<RepairOutcome.Refusal> refusals = new ArrayList<>();
        decision.get().refusals().forEach(r -> refusals.add(new RepairOutcome.Refusal("history", "", r)));
        List<PlanStep> deferred = new ArrayList<>();
        refusals.addAll(refusals(c, plan, settings, deferred));
        if (!refusals.isEmpty()) {
            return new RepairOutcome.Refused(plan, refusals);
        }
        if (settings.dryRun()) {
            return new RepairOutcome.Planned(plan);
        }
        List<PlanStep> executed = new ArrayList<>();
        for (PlanStep step : plan.steps()) {
            if (deferred.contains(step)) {
                Optional<String> violation = DataChecks.now(c, step);
                if (violation.isPresent()) {
                    return new RepairOutcome.Refused(plan, List.of(RepairOutcome.Refusal.of(step, violation.get())));
                }
            }
            LOG.info("applying: {}", step.sql());
            execute(c, step.sql());
            executed.add(step);
        }
        if (more.isPresent()) {
            more.get().run(c);
        }
        verify(c, decision.get().expectedAfterMore().orElse(expected), plan);
        return new RepairOutcome.Applied(plan, executed, attempt);
    }

    /** Hazards not allowed and data in the way; checks on objects the plan itself creates go to {@code deferred}. */
    private static List<RepairOutcome.Refusal> refusals(Connection c, RepairPlan plan, RepairSettings settings,
                                                        List<PlanStep> deferred) throws SQLException {
        List<RepairOutcome.Refusal> refusals = new ArrayList<>();
        for (RepairPlan.Unrepairable u : plan.unrepairable()) {
            refusals.add(new RepairOutcome.Refusal(u.drift().subject(), "", u.drift().describe() + ": " + u.reason()));
        }
        for (PlanStep step : plan.steps()) {
            var missing = step.notAllowed(settings.allowed());
            if (!missing.isEmpty()) {
                refusals.add(RepairOutcome.Refusal.of(step, step.fixes().describe() + "; the repair " + missing.stream()
                        .map(h -> h.meaning() + " (allow with --allow " + h.name() + ")")
                        .collect(Collectors.joining("; "))));
                continue;
            }
            DataChecks.Result result = DataChecks.upfront(c, step);
            if (result instanceof DataChecks.Result.Violated v) {
                refusals.add(RepairOutcome.Refusal.of(step, v.reason()));
            } else if (result instanceof DataChecks.Result.Deferred) {
                deferred.add(step);
            }
        }
        return refusals;
    }

    /** The re-read schema must no longer show any drift the plan repaired; else roll back. */
    private void verify(Connection c, SchemaModel expected, RepairPlan plan) throws SQLException {
        SchemaModel after = reader.read(c, expected.schemas());
        List<Drift> remaining = SchemaDiffer.actionable(SchemaDiffer.diff(expected, after));
        if (!remaining.isEmpty()) {
            throw DriftgateException.database("after applying the plan the schema still differs: "
                    + remaining.stream().map(Drift::describe).collect(Collectors.joining("; "))
                    + ". The transaction was rolled back; nothing was changed. Please report this with `driftgate plan --format json`.",
                    null);
        }
    }

    private static DriftgateException lockFailure(ConnectionSettings target, List<String> schemas, RepairSettings settings,
                                                  int attempts, Exception last) {
        return DriftgateException.database("a table lock was not granted within " + settings.lockTimeout().toMillis()
                + " ms in " + attempts + " attempts: live traffic holds it. " + LockHolders.describeIn(target, schemas, false)
                + " Nothing was changed; rerun at a quieter time or raise --lock-timeout.", last);
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is closing anyway; PostgreSQL rolls back on close
        }
    }
}
