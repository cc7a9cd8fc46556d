package io.driftgate.history;

import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.testing.CatalogFingerprint;
import io.driftgate.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 finding 2, the repro as reported: a database Flyway migrated through V1-V2, then a
 * {@code B2__baseline.sql} that also creates an index is added. Flyway ignores a baseline migration once
 * there is history; {@code migrate} must too: no object created, no checksum overwritten, the database
 * exactly as plain Flyway leaves it (raw catalog oracle, history rows included).
 */
class BaselineMigrationTest {

    @Test
    void aBaselineAddedAfterTheDatabaseWasMigratedIsIgnoredAsFlywayIgnoresIt(@TempDir Path dir) throws Exception {
        Path migrations = dir.resolve("migration");
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("V1__t.sql"), "CREATE TABLE t(id int primary key);\n");
        Files.writeString(migrations.resolve("V2__n.sql"), "ALTER TABLE t ADD COLUMN n int;\n");
        try (ThrowawayDatabase db = TestDatabases.fresh(); ThrowawayDatabase reference = TestDatabases.fresh()) {
            for (ThrowawayDatabase d : List.of(db, reference)) {
                RecoveringMigrateTest.flyway(d.settings(), migrations).load().migrate();
            }
            Files.writeString(migrations.resolve("B2__baseline.sql"), "CREATE TABLE t(id int primary key, n int);\nCREATE INDEX t_n ON t(n);\n");
            RecoveringMigrateTest.flyway(reference.settings(), migrations).load().migrate();

            MigrateResult result = new RecoveringMigrate(Map.of("DRIFTGATE_CACHE_DIR", "target/replay-cache"))
                    .migrate(db.settings(), MigrateOptions.of(List.of("filesystem:" + migrations), List.of("public")), line -> { });

            assertThat(result.outcome()).as(String.join("\n", result.log())).isEqualTo(MigrateResult.Outcome.CONVERGED);
            assertThat(result.log()).noneMatch(l -> l.contains("realigned")).noneMatch(l -> l.contains("applied: CREATE"));
            assertThat(CatalogFingerprint.of(db.settings()).withoutRowsOf("flyway_schema_history")
                    .differencesFrom(CatalogFingerprint.of(reference.settings()).withoutRowsOf("flyway_schema_history")))
                    .as("raw catalog against plain Flyway").isEmpty();
            assertThat(CatalogFingerprint.flywayHistory(db.settings(), "flyway_schema_history")).as("history rows")
                    .isEqualTo(CatalogFingerprint.flywayHistory(reference.settings(), "flyway_schema_history"));
            assertThat(RecoveringMigrateTest.flyway(db.settings(), migrations).load().validateWithResult().validationSuccessful)
                    .as("flyway validate").isTrue();
        }
    }
}
