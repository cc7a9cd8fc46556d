package io.driftgate.history.generative;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.read.replay.MigrationReplay;
import io.driftgate.testing.CatalogFingerprint;
import io.driftgate.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main proof of issue 10: random Flyway histories ({@link HistoryGenerator}), each checked once with plain
 * Flyway on an empty database (a history plain Flyway cannot migrate is discarded and counted). For each valid
 * history a random prefix is migrated with plain Flyway ({@code target}), then {@link GenerativeCase} runs
 * {@code migrate} on copies of it: once with nothing done by hand, once after one drift ({@link DriftMode}), and
 * judges the result with the raw catalog oracle against the database plain Flyway migrated, never with
 * driftgate's differ: (a) nothing by hand → exactly plain Flyway, history rows included; (b) otherwise
 * converged to plain Flyway's catalog and rows, or refused with a reason and the database exactly unchanged;
 * (c) and (d) through the rows' digests, which only the migrations' own statements may change.
 *
 * <p>Scale: {@code -Ddriftgate.histories=N} histories (default {@value #DEFAULT_HISTORIES}, two cases each). On
 * this project's 2-core machine, shared with other jobs, a case costs about 0.8 s of test time with a warm
 * replay cache (about 1.3 cases/s, see the summary line's rate), so 1,000 cases would take some 13 minutes;
 * the default (340 cases) keeps one pass near five minutes. {@code .ci/run} runs this test in three passes
 * (mvn verify, Docker, external server), about 510 histories and 1,020 cases per run; the 1,000
 * histories in one pass is {@code -Ddriftgate.histories=1000}. Seeds: a fixed base ({@code -Ddriftgate.seedBase} explores others), every failing
 * seed printed; {@code -Ddriftgate.seed=N} replays one history with all its cases.
 */
class GenerativeHistoryTest {

    static final int DEFAULT_HISTORIES = 170;
    private static final long DEFAULT_SEED_BASE = 20_260_410L;

    private final GenerativeSummary summary = new GenerativeSummary();

    @TestFactory
    Stream<DynamicTest> migrateAgreesWithPlainFlywayOnGeneratedHistories() {
        Long fixed = Long.getLong("driftgate.seed");
        long base = fixed != null ? fixed : Long.getLong("driftgate.seedBase", DEFAULT_SEED_BASE);
        int histories = fixed != null ? 1 : Integer.getInteger("driftgate.histories", DEFAULT_HISTORIES);
        Stream<DynamicTest> each = LongStream.range(base, base + histories)
                .mapToObj(seed -> DynamicTest.dynamicTest("history seed " + seed + " (-Ddriftgate.seed=" + seed + ")", () -> history(seed)));
        return Stream.concat(each, Stream.of(DynamicTest.dynamicTest("summary", this::summarise)));
    }

    private void history(long seed) throws Exception {
        GeneratedHistory history = HistoryGenerator.generate(seed);
        summary.history(history);
        Path dir = Files.createTempDirectory("driftgate-generative-" + seed + "-");
        try {
            history.write(dir);
            String location = "filesystem:" + dir.toAbsolutePath();
            try (ThrowawayDatabase reference = TestDatabases.fresh()) {
                try {
                    flyway(reference.settings(), location).load().migrate();
                } catch (FlywayException e) {
                    summary.invalid(reason(e));
                    return;
                }
                Reference ref = Reference.of(reference.settings());
                Random random = new Random(seed * 31 + 7);
                int versions = history.migrations().size();
                int prefix = random.nextInt(versions + 1);
                List<String> failures = new ArrayList<>();
                try (ThrowawayDatabase start = TestDatabases.fresh()) {
                    if (prefix > 0) {
                        flyway(start.settings(), location).target(String.valueOf(prefix)).load().migrate();
                    }
                    DriftMode drift = drift(random, prefix);
                    List<DriftMode> modes = List.of(DriftMode.NOTHING, drift);
                    for (DriftMode mode : modes) {
                        GenerativeCase c = new GenerativeCase(seed, history, location, prefix, mode, random.nextLong());
                        try (ThrowawayDatabase db = TestDatabases.databases().cloneOf(start.name())) {
                            GenerativeCase.Result r = c.run(db.settings(), ref);
                            summary.outcome(r.mode(), r.outcome(), r.failure().isEmpty());
                            summary.excluded(GenerativeCase.OUT_OF_ORDER, r.excluded());
                            r.failure().ifPresent(f -> failures.add(f));
                        }
                    }
                }
                if (!failures.isEmpty()) {
                    summary.failed(seed);
                    String message = "seed " + seed + " (replay: -Ddriftgate.seed=" + seed + "), prefix V" + prefix + ":\n"
                            + String.join("\n\n", failures) + "\n\nhistory:\n" + history.describe();
                    System.out.println("GENERATIVE FAILURE " + message);
                    throw new AssertionError(message);
                }
            }
        } finally {
            delete(dir);
        }
    }

    private static DriftMode drift(Random random, int prefix) {
        List<DriftMode> modes = prefix == 0 ? List.of(DriftMode.RAN_BY_HAND, DriftMode.STATEMENTS_BY_HAND)
                : List.of(DriftMode.RAN_BY_HAND, DriftMode.STATEMENTS_BY_HAND, DriftMode.HISTORY_LOST, DriftMode.FAILED_ROW);
        return modes.get(random.nextInt(modes.size()));
    }

    private void summarise() {
        System.out.println(summary.line());
        assertThat(summary.failingSeeds).as("failing seeds (each printed above with its history): " + summary.line()).isEmpty();
        int valid = summary.generated - summary.invalid;
        assertThat(summary.invalid).as("the generator mostly writes histories plain Flyway can migrate").isLessThanOrEqualTo(summary.generated / 5);
        if (valid >= 50) {
            // a run that passes on refusals alone proves nothing: a floor of drifted cases that converged
            int drifted = summary.cases - valid;
            int convergedDrift = 0;
            for (DriftMode m : DriftMode.values()) {
                if (m != DriftMode.NOTHING) {
                    convergedDrift += summary.count(m, GenerativeSummary.Outcome.CONVERGED);
                }
            }
            assertThat(convergedDrift).as("drifted cases that converged, of " + drifted).isGreaterThanOrEqualTo(drifted / 5);
        }
    }

    /** Plain Flyway, as the application's deploy would run it (the transactional lock off, as CONCURRENTLY needs). */
    static FluentConfiguration flyway(ConnectionSettings db, String location) {
        return MigrationReplay.withoutTransactionalLock(Flyway.configure())
                .dataSource(db.jdbcUrl(), db.user(), db.password().orElse(null))
                .locations(location)
                .schemas("public");
    }

    /** The database plain Flyway migrated from empty: raw catalog with rows (history aside) and history rows. */
    record Reference(CatalogFingerprint catalog, List<String> history) {
        static Reference of(ConnectionSettings db) throws java.sql.SQLException {
            return new Reference(CatalogFingerprint.of(db).withoutRowsOf(GenerativeCase.HISTORY),
                    CatalogFingerprint.flywayHistory(db, GenerativeCase.HISTORY));
        }
    }

    private static String reason(FlywayException e) {
        String text = String.valueOf(e.getMessage());
        int at = text.indexOf("ERROR: ");
        String line = (at >= 0 ? text.substring(at + 7) : text).lines().findFirst().orElse("");
        return line.replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("[0-9]+", "N");
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
