package io.driftgate.scenarios;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.diff.Drift;
import io.driftgate.diff.SchemaDiffer;
import io.driftgate.history.MigrateResult;
import io.driftgate.history.MigrationStatus;
import io.driftgate.model.QualifiedName;
import io.driftgate.model.SchemaModel;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Proves a scenario's expectation after the run. Converged: the live schema equals plain Flyway from
 * empty (extras aside), Flyway validate passes with nothing pending, every row that was there is
 * unchanged, the survivors exist, and a second run changes nothing. Refused or error: the exit code, the
 * message, and a database exactly as it was (schema, rows, history).
 */
final class OutcomeProof {

    private final Scenario s;
    private final ConnectionSettings db;
    private final DatabaseState before;
    private final References references;
    private final ScenarioRunner.Deploy deploy;
    private List<Drift> drift = List.of();
    private Optional<SchemaModel> live = Optional.empty();
    private Optional<SchemaModel> reference = Optional.empty();

    OutcomeProof(Scenario s, ConnectionSettings db, DatabaseState before, References references, ScenarioRunner.Deploy deploy) {
        this.s = s;
        this.db = db;
        this.before = before;
        this.references = references;
        this.deploy = deploy;
    }

    List<Drift> drift() {
        return drift;
    }

    Optional<SchemaModel> live() {
        return live;
    }

    Optional<SchemaModel> reference() {
        return reference;
    }

    List<String> check(List<Attempt> attempts) throws SQLException {
        List<String> problems = new ArrayList<>();
        Attempt first = attempts.get(0);
        attempts.stream().filter(Attempt::unexpected).forEach(a -> problems.add("a bug in driftgate: " + a.message()));
        if (s.expect() instanceof Expectation.Converged c) {
            converged(c, attempts, problems);
        } else if (s.expect() instanceof Expectation.Refused r) {
            stopped(r.exit(), r.mentions(), first, problems);
            if (r.thenConverges() && problems.isEmpty()) {
                rerun(problems);
            }
        } else if (s.expect() instanceof Expectation.Error e) {
            stopped(e.exit(), e.mentions(), first, problems);
            if (e.thenConverges() && problems.isEmpty()) {
                rerun(problems);
            }
        }
        problems.addAll(survivors());
        return problems;
    }

    private void converged(Expectation.Converged expected, List<Attempt> attempts, List<String> problems) throws SQLException {
        for (Attempt a : attempts) {
            if (!a.converged()) {
                problems.add("expected converged (exit 0), got " + a.describe());
            }
        }
        Attempt first = attempts.get(0);
        if (attempts.size() == 1 && first.result().isPresent()) {
            MigrateResult result = first.result().get();
            expected.recorded().ifPresent(versions -> {
                List<String> recorded = result.reconciliation().map(r -> r.toRecord().stream()
                        .map(MigrationStatus::migration).map(m -> m.version().orElse(m.label())).toList()).orElse(List.of());
                if (!recorded.equals(versions)) {
                    problems.add("expected versions " + versions + " recorded as applied, got " + recorded);
                }
            });
            expected.flywayRan().filter(n -> n != result.flywayExecuted())
                    .ifPresent(n -> problems.add("expected Flyway to run " + n + " migration(s), it ran " + result.flywayExecuted()));
        }
        SchemaModel ref = references.of(s);
        DatabaseState after = DatabaseState.take(db, s.schemas());
        reference = Optional.of(ref);
        live = Optional.of(after.schema());
        drift = SchemaDiffer.actionable(SchemaDiffer.diff(ref, after.schema()));
        drift.forEach(d -> problems.add("live differs from plain Flyway from empty: " + d.describe()));

        Flyway flyway = StartingState.flyway(db, s).load();
        ValidateResult validate = flyway.validateWithResult();
        if (!validate.validationSuccessful) {
            problems.add("flyway validate fails: " + validate.getAllErrorMessages());
        }
        int pending = flyway.info().pending().length;
        if (pending > 0) {
            problems.add("Flyway still sees " + pending + " pending migration(s)");
        }
        if (attempts.size() > 1) {
            List<String> versions = after.history().stream().map(h -> h.split(":")[1]).toList();
            if (new HashSet<>(versions).size() != versions.size()) {
                problems.add("a version was recorded twice by concurrent deploys: " + after.history());
            }
        }
        try (Connection c = db.open()) {
            RowChecksums kept = without(before.rows(), expected.rowsMayChange());
            kept.retake(c).differencesFrom(kept).forEach(d -> problems.add("a row that was there changed or is gone: " + d));
        }
        if (problems.isEmpty()) {
            secondRun(after, problems);
        }
    }

    /** After a stop that left the database as it was, a plain deploy recovers it like any other. */
    private void rerun(List<String> problems) throws SQLException {
        List<String> log = new ArrayList<>();
        Attempt again = deploy.migrate(db, s, log);
        List<String> found = new ArrayList<>();
        converged(new Expectation.Converged(Optional.empty(), Optional.empty(), Set.of()), List.of(again), found);
        found.forEach(p -> problems.add("the rerun after the stop: " + p + (again.converged() ? "" : "; its log: " + log)));
    }

    private void secondRun(DatabaseState first, List<String> problems) throws SQLException {
        List<String> log = new ArrayList<>();
        Attempt again = deploy.migrate(db, s, log);
        if (!again.converged()) {
            problems.add("second run: expected converged, got " + again.describe());
            return;
        }
        again.result().filter(r -> r.flywayExecuted() > 0)
                .ifPresent(r -> problems.add("second run: Flyway ran " + r.flywayExecuted() + " migration(s)"));
        if (log.stream().noneMatch(l -> l.contains("nothing to reconcile"))) {
            problems.add("second run reconciled something: " + log);
        }
        DatabaseState now = DatabaseState.take(db, s.schemas());
        now.changesSince(first).forEach(c -> problems.add("second run changed the database: " + c));
    }

    private void stopped(int exit, List<String> mentions, Attempt attempt, List<String> problems) throws SQLException {
        if (attempt.exit() != exit) {
            problems.add("expected exit " + exit + ", got " + attempt.describe());
        }
        String output = attempt.output();
        mentions.stream().filter(m -> !output.contains(m)).forEach(m -> problems.add("the output does not mention '" + m + "'"));
        DatabaseState after = DatabaseState.take(db, s.schemas());
        live = Optional.of(after.schema());
        after.changesSince(before).forEach(c -> problems.add("the database was changed although the run stopped: " + c));
    }

    private List<String> survivors() throws SQLException {
        List<String> missing = new ArrayList<>();
        try (Connection c = db.open()) {
            for (Scenario.Survivor v : s.survive()) {
                if (!exists(c, v)) {
                    missing.add(v + " must survive the run but is gone");
                }
            }
        }
        return missing;
    }

    private static boolean exists(Connection c, Scenario.Survivor v) throws SQLException {
        String sql = switch (v.kind()) {
            case TABLE -> "SELECT count(*) FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace"
                    + " WHERE n.nspname = ? AND k.relname = ? AND k.relkind IN ('r', 'p') AND ? = ''";
            case INDEX -> "SELECT count(*) FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace"
                    + " WHERE n.nspname = ? AND k.relname = ? AND k.relkind = 'i' AND ? = ''";
            case COLUMN -> "SELECT count(*) FROM information_schema.columns WHERE table_schema = ? AND table_name = ? AND column_name = ?";
        };
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, v.schema());
            ps.setString(2, v.table());
            ps.setString(3, v.column());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** The fingerprint without the tables whose rows the scenario lets change (a data migration re-run). */
    private RowChecksums without(RowChecksums rows, Set<String> tables) {
        Map<QualifiedName, RowChecksums.TableChecksum> kept = new LinkedHashMap<>(rows.tables());
        kept.keySet().removeIf(t -> tables.contains(t.name()) || tables.contains(t.toString()));
        return new RowChecksums(kept);
    }
}
