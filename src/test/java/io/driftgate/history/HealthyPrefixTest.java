package io.driftgate.history;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.read.replay.MigrationReplay;
import io.driftgate.scenarios.Scenario;
import io.driftgate.scenarios.ScenarioLoader;
import io.driftgate.testing.CatalogFingerprint;
import io.driftgate.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Property (a) of issue 10: with nothing done by hand, {@code migrate} does exactly what plain Flyway does.
 * For the fixture app and every scenario's migration history, for every version a healthy database can be
 * at (plain Flyway migrated to it), {@code migrate} records nothing and the result is, by the raw catalog
 * oracle (not driftgate's differ), the database plain Flyway migrates on from the same start, history rows
 * included.
 */
class HealthyPrefixTest {

    private static final Map<String, String> ENV = Map.of("DRIFTGATE_CACHE_DIR", "target/replay-cache");

    @TestFactory
    Stream<DynamicTest> migrateOnAHealthyPrefixIsPlainFlyway() {
        Map<List<String>, List<String>> histories = new LinkedHashMap<>();
        histories.put(List.of("filesystem:" + RecoveringMigrateTest.APP.toAbsolutePath().normalize()), List.of("public"));
        for (Scenario s : new ScenarioLoader(Path.of("")).loadAll(Path.of("fixtures/scenarios"))) {
            if (!s.name().startsWith("broken-")) {
                histories.putIfAbsent(s.locations(), s.schemas());
            }
        }
        List<DynamicTest> tests = new ArrayList<>();
        histories.forEach((locations, schemas) -> {
            List<String> versions = versions(locations, schemas);
            for (String version : versions.subList(0, versions.size() - 1)) {
                tests.add(dynamicTest(String.join(" + ", locations.stream().map(l -> Path.of(l.substring(11)).getFileName() + "").toList())
                        + " at V" + version, () -> check(locations, schemas, version)));
            }
        });
        return tests.stream();
    }

    private static void check(List<String> locations, List<String> schemas, String version) throws Exception {
        try (ThrowawayDatabase db = TestDatabases.fresh(); ThrowawayDatabase reference = TestDatabases.fresh()) {
            for (ThrowawayDatabase d : List.of(db, reference)) {
                try {
                    flyway(d.settings(), locations, schemas).target(version).load().migrate();
                } catch (FlywayException e) {
                    // Flyway runs repeatables even with a target: a view over a later table fails, no healthy state there
                    Assumptions.abort("plain Flyway cannot stop at V" + version + ": " + e.getMessage().lines().findFirst().orElse(""));
                }
            }
            flyway(reference.settings(), locations, schemas).load().migrate();

            MigrateResult result = new RecoveringMigrate(ENV).migrate(db.settings(), MigrateOptions.of(locations, schemas), line -> { });

            assertThat(result.outcome()).as(String.join("\n", result.log())).isEqualTo(MigrateResult.Outcome.CONVERGED);
            assertThat(result.reconciliation().map(Reconciliation::toRecord).orElse(List.of())).as("recorded by driftgate").isEmpty();
            String history = io.driftgate.sql.Identifiers.qualified(schemas.get(0), "flyway_schema_history");
            String printed = schemas.get(0).equals("public") ? "flyway_schema_history" : history;
            assertThat(CatalogFingerprint.of(db.settings()).withoutRowsOf(printed)
                    .differencesFrom(CatalogFingerprint.of(reference.settings()).withoutRowsOf(printed)))
                    .as("raw catalog against plain Flyway").isEmpty();
            assertThat(CatalogFingerprint.flywayHistory(db.settings(), history)).as("history rows")
                    .isEqualTo(CatalogFingerprint.flywayHistory(reference.settings(), history));
        }
    }

    private static List<String> versions(List<String> locations, List<String> schemas) {
        try (ThrowawayDatabase probe = TestDatabases.fresh()) {
            return Stream.of(flyway(probe.settings(), locations, schemas).load().info().all())
                    .filter(i -> i.getVersion() != null).map(MigrationInfo::getVersion).map(Object::toString).toList();
        }
    }

    private static FluentConfiguration flyway(ConnectionSettings db, List<String> locations, List<String> schemas) {
        return MigrationReplay.withoutTransactionalLock(Flyway.configure())
                .dataSource(db.jdbcUrl(), db.user(), db.password().orElse(null))
                .locations(locations.toArray(String[]::new))
                .schemas(schemas.toArray(String[]::new));
    }
}
