package io.driftgate;

import io.driftgate.failure.DriftgateException;
import io.driftgate.history.MigrateResult;
import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The start-up API, as a Spring Boot FlywayMigrationStrategy would call it, with the app's own Flyway settings. */
class DriftgateTest {

    @Test
    void migratesWithTheApplicationsFlywaySettingsIncludingARenamedHistoryTable() throws Exception {
        try (ThrowawayDatabase db = TestDatabases.fresh()) {
            TestDatabases.execute(db.settings(), Files.readString(Path.of("fixtures/app/db/migration/V1__create_app_user.sql")));
            Flyway appFlyway = Flyway.configure()
                    .dataSource(db.settings().jdbcUrl(), db.settings().user(), TestDatabases.password(db.settings()))
                    .locations("filesystem:fixtures/app/db/migration")
                    .table("schema_history")
                    .load();
            MigrateResult result = Driftgate.migrate(db.settings().jdbcUrl(), db.settings().user(), TestDatabases.password(db.settings()), appFlyway);
            assertThat(result.outcome()).isEqualTo(MigrateResult.Outcome.CONVERGED);
            assertThat(result.flywayExecuted()).isEqualTo(4);
            assertThat(appFlyway.validateWithResult().validationSuccessful).isTrue();
            assertThat(appFlyway.info().pending()).isEmpty();
            assertThat(appFlyway.info().applied()).hasSize(5);
        }
    }

    @Test
    void aRefusalIsAnExceptionSoTheApplicationDoesNotStartOnAHalfKnownSchema() throws Exception {
        try (ThrowawayDatabase db = TestDatabases.fresh()) {
            TestDatabases.execute(db.settings(), "create table app_user (id bigint primary key, email varchar(255) not null);"
                    + " insert into app_user values (1, 'a'), (2, 'a');");
            Flyway appFlyway = Flyway.configure().dataSource(db.settings().jdbcUrl(), db.settings().user(), TestDatabases.password(db.settings()))
                    .locations("filesystem:fixtures/app/db/migration").load();
            assertThatThrownBy(() -> Driftgate.migrate(db.settings().jdbcUrl(), db.settings().user(), TestDatabases.password(db.settings()), appFlyway))
                    .isInstanceOf(DriftgateException.class)
                    .hasMessageContaining("nothing was changed");
        }
    }

    @Test
    void theApplicationsPlaceholdersAndEncodingReachTheReplayAndFlyway(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // a Latin-1 script with a placeholder: read as UTF-8, or without the placeholder, it could not be replayed
        Files.write(dir.resolve("V1__owner.sql"), "CREATE TABLE owner_${owner} (id int PRIMARY KEY, label text DEFAULT 'café');\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Files.writeString(dir.resolve("V2__note.sql"), "ALTER TABLE owner_${owner} ADD COLUMN note text;\n");
        try (ThrowawayDatabase db = TestDatabases.fresh()) {
            TestDatabases.execute(db.settings(), "CREATE TABLE owner_app (id int PRIMARY KEY, label text DEFAULT 'café')");
            Flyway appFlyway = Flyway.configure()
                    .dataSource(db.settings().jdbcUrl(), db.settings().user(), TestDatabases.password(db.settings()))
                    .locations("filesystem:" + dir)
                    .placeholders(java.util.Map.of("owner", "app"))
                    .encoding(java.nio.charset.StandardCharsets.ISO_8859_1)
                    .load();
            MigrateResult result = Driftgate.migrate(db.settings().jdbcUrl(), db.settings().user(), TestDatabases.password(db.settings()), appFlyway);
            assertThat(result.outcome()).isEqualTo(MigrateResult.Outcome.CONVERGED);
            assertThat(result.log()).anyMatch(l -> l.contains("recorded as applied: V1"));
            assertThat(result.flywayExecuted()).isEqualTo(1);
            assertThat(appFlyway.validateWithResult().validationSuccessful).isTrue();
            assertThat(appFlyway.info().pending()).isEmpty();
        }
    }
}
