package io.driftgate.history.generative;

import io.driftgate.apply.RepairOutcome;
import io.driftgate.db.ConnectionSettings;
import io.driftgate.history.MigrateOptions;
import io.driftgate.history.MigrateResult;
import io.driftgate.history.Reconciliation;
import io.driftgate.history.RecoveringMigrate;
import io.driftgate.history.generative.GeneratedHistory.Kind;
import io.driftgate.history.generative.GeneratedHistory.Migration;
import io.driftgate.history.generative.GeneratedHistory.Statement;
import io.driftgate.history.generative.GenerativeHistoryTest.Reference;
import io.driftgate.history.generative.GenerativeSummary.Outcome;
import io.driftgate.testing.CatalogFingerprint;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * One case of the generative test: a copy of a database plain Flyway migrated to V{@code prefix}, one
 * {@link DriftMode} done by hand, {@code migrate} run in process, the result judged by the raw catalog oracle.
 */
final class GenerativeCase {

    static final String HISTORY = "flyway_schema_history";
    private static final Map<String, String> ENV = Map.of("DRIFTGATE_CACHE_DIR", "target/replay-cache");

    private final long seed;
    private final GeneratedHistory history;
    private final String location;
    private final int prefix;
    private final DriftMode mode;
    private final Random random;
    private final List<String> byHand = new ArrayList<>();
    /**
     * Exclusion, counted and printed in the summary: a hand-run statement of a migration after the next one, or one
     * whose object a later statement of its own migration changes (a transient object). driftgate now refuses up front
     * when an object made by hand collides with a migration it leaves to Flyway
     * (fixtures/scenarios/hand-created-table-ahead-of-its-migration), but matches by the object's name only for tables
     * and columns; the wider shapes this excludes are still open.
     */
    static final String OUT_OF_ORDER = "hand-statement-out-of-order-or-transient";
    private int excluded;

    GenerativeCase(long seed, GeneratedHistory history, String location, int prefix, DriftMode mode, long caseSeed) {
        this.seed = seed;
        this.history = history;
        this.location = location;
        this.prefix = prefix;
        this.mode = mode;
        this.random = new Random(caseSeed);
    }

    record Result(DriftMode mode, Outcome outcome, Optional<String> failure, int excluded) {
    }

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("\\b(t|c|ix|uq|ck|fk|e|s)[0-9]\\b");

    /** Whether a later statement of the same migration names an object statement {@code j} names. */
    private static boolean touchedLater(List<Statement> statements, int j) {
        java.util.Set<String> names = new java.util.HashSet<>();
        NAME.matcher(statements.get(j).sql()).results().forEach(m -> names.add(m.group()));
        names.removeIf(n -> n.matches("c[0-9]") && !statements.get(j).sql().contains("ADD COLUMN " + n) && !statements.get(j).sql().startsWith("CREATE TABLE"));
        return statements.subList(j + 1, statements.size()).stream().anyMatch(s -> NAME.matcher(s.sql()).results()
                .anyMatch(m -> names.contains(m.group())));
    }

    Result run(ConnectionSettings db, Reference reference) throws SQLException {
        boolean drifted = drift(db);
        CatalogFingerprint before = CatalogFingerprint.of(db);
        List<String> log = new ArrayList<>();
        MigrateResult result;
        try {
            result = new RecoveringMigrate(ENV).migrate(db, MigrateOptions.of(List.of(location), List.of("public")), log::add);
        } catch (RuntimeException e) {
            return new Result(mode, Outcome.FAILED, Optional.of(context("migrate failed (exit 4 or worse): " + e.getMessage(), log)), excluded);
        }
        List<String> problems = new ArrayList<>();
        CatalogFingerprint after = CatalogFingerprint.of(db);
        Outcome outcome = result.outcome() == MigrateResult.Outcome.CONVERGED ? Outcome.CONVERGED : Outcome.REFUSED;
        if (!drifted) {
            // (a) nothing by hand: exactly plain Flyway
            if (outcome != Outcome.CONVERGED) {
                problems.add("nothing was done by hand, yet migrate refused (plain Flyway applies it)");
            }
            List<String> recorded = result.reconciliation().map(Reconciliation::toRecord).orElse(List.of()).stream()
                    .map(s -> s.migration().label()).toList();
            if (!recorded.isEmpty()) {
                problems.add("recorded as applied without running: " + recorded);
            }
            compareCatalog(after, reference, problems);
            List<String> rows = CatalogFingerprint.flywayHistory(db, HISTORY);
            if (!rows.equals(reference.history())) {
                problems.add("history rows differ from plain Flyway's:\n  got      " + rows + "\n  expected " + reference.history());
            }
        } else if (outcome == Outcome.CONVERGED) {
            // (b), (c), (d): plain Flyway's catalog and rows; history rows alike but for their ranks
            compareCatalog(after, reference, problems);
            List<String> rows = withoutRank(CatalogFingerprint.flywayHistory(db, HISTORY));
            if (!rows.equals(withoutRank(reference.history()))) {
                problems.add("history rows differ from plain Flyway's:\n  got      " + rows + "\n  expected " + withoutRank(reference.history()));
            }
        } else {
            // (b) refused: with a reason, and nothing changed (schema, rows, history)
            boolean reasoned = result.repair().filter(r -> r instanceof RepairOutcome.Refused f && !f.refusals().isEmpty()).isPresent()
                    && log.stream().anyMatch(l -> l.contains("REFUSED "));
            if (!reasoned) {
                problems.add("refused without a reason");
            }
            List<String> changed = after.differencesFrom(before);
            if (!changed.isEmpty()) {
                problems.add("refused but changed the database:\n  " + String.join("\n  ", changed));
            }
        }
        return new Result(mode, outcome, problems.isEmpty() ? Optional.empty() : Optional.of(context(String.join("\n", problems), log)), excluded);
    }

    private static void compareCatalog(CatalogFingerprint after, Reference reference, List<String> problems) {
        List<String> diff = after.withoutRowsOf(HISTORY).differencesFrom(reference.catalog());
        if (!diff.isEmpty()) {
            problems.add("raw catalog differs from plain Flyway's (- plain Flyway, + migrate):\n  " + String.join("\n  ", diff));
        }
    }

    private static List<String> withoutRank(List<String> rows) {
        return rows.stream().map(r -> r.substring(r.indexOf(' ') + 1)).sorted().toList();
    }

    /** Does this case's drift; false when nothing was changed by hand (a subset that all failed, say). */
    private boolean drift(ConnectionSettings db) throws SQLException {
        List<Migration> later = history.migrations().subList(prefix, history.migrations().size());
        switch (mode) {
            case NOTHING -> {
                return false;
            }
            case HISTORY_LOST -> {
                execute(db, "DROP TABLE " + HISTORY);
                byHand.add("DROP TABLE " + HISTORY);
                return true;
            }
            case FAILED_ROW -> {
                String sql = "UPDATE " + HISTORY + " SET success = false WHERE version = '" + prefix + "'";
                execute(db, sql);
                byHand.add(sql);
                return true;
            }
            case RAN_BY_HAND -> {
                // the next 1..3 migrations, whole but for their data statements, in order: the incident
                int count = later.isEmpty() ? 0 : 1 + random.nextInt(Math.min(3, later.size()));
                for (Migration m : later.subList(0, count)) {
                    m.statements().stream().filter(s -> s.kind() == Kind.SCHEMA).forEach(s -> tryByHand(db, s));
                }
            }
            case STATEMENTS_BY_HAND -> {
                // additive statements only (no DROP, no RENAME): what an ORM's auto-update or a hotfix adds, from the next
                // migration; later migrations and transient statements are left out by the named exclusion OUT_OF_ORDER
                for (int i = 0; i < later.size(); i++) {
                    List<Statement> statements = later.get(i).statements();
                    for (int j = 0; j < statements.size(); j++) {
                        Statement s = statements.get(j);
                        if (s.kind() == Kind.SCHEMA && !s.sql().contains(" DROP ") && !s.sql().startsWith("DROP ")
                                && !s.sql().contains(" RENAME ") && random.nextInt(3) == 0) {
                            if (i > 0 || touchedLater(statements, j)) {
                                excluded++;
                            } else {
                                tryByHand(db, s);
                            }
                        }
                    }
                }
            }
            default -> throw new IllegalStateException(mode.name());
        }
        return !byHand.isEmpty();
    }

    /** A statement as a person runs it in psql: on its own (autocommit), its failure ignored. */
    private void tryByHand(ConnectionSettings db, Statement s) {
        try {
            execute(db, s.sql());
            byHand.add(s.sql());
        } catch (SQLException e) {
            // it depends on something the prefix lacks: a person would have seen it fail and moved on
        }
    }

    private static void execute(ConnectionSettings db, String sql) throws SQLException {
        try (Connection c = db.open(); java.sql.Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private String context(String problem, List<String> log) {
        return "case " + mode + " at V" + prefix + " (seed " + seed + "): " + problem
                + "\n  by hand: " + (byHand.isEmpty() ? "nothing" : String.join("; ", byHand))
                + "\n  migrate log:\n    " + String.join("\n    ", log);
    }
}
