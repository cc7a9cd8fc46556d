package io.driftgate.history;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.diff.SchemaDiffer;
import io.driftgate.model.SchemaModel;
import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.read.catalog.CatalogReader;
import io.driftgate.scenarios.RowChecksums;
import io.driftgate.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate} on real PostgreSQL, from the states that really produce the incident. Each test proves:
 * the outcome; the live schema equals a database Flyway migrated from empty (extras aside); Flyway
 * validate passes with nothing pending; every pre-existing row is unchanged; a second run changes nothing.
 */
class RecoveringMigrateTest {

    static final Path APP = Path.of("fixtures/app/db/migration");
    private static final List<String> PUBLIC = List.of("public");
    private static final CatalogReader READER = new CatalogReader();
    private static final Map<String, String> ENV = Map.of("DRIFTGATE_CACHE_DIR", "target/replay-cache");

    private static MigrateResult migrate(ConnectionSettings db, Path migrations, MigrateOptions options) {
        return new RecoveringMigrate(ENV).migrate(db, options, line -> { });
    }

    private static MigrateOptions options(Path migrations) {
        return MigrateOptions.of(List.of("filesystem:" + migrations), PUBLIC);
    }

    @Test
    void anEmptyDatabaseIsMigratedByFlywayAsUsual() throws Exception {
        try (ThrowawayDatabase db = TestDatabases.fresh()) {
            MigrateResult result = migrate(db.settings(), APP, options(APP));
            assertThat(result.outcome()).isEqualTo(MigrateResult.Outcome.CONVERGED);
            assertThat(result.flywayExecuted()).isEqualTo(5);
            assertConverged(db.settings(), APP);
            assertSecondRunChangesNothing(db.settings(), APP);
        }
    }

    @Test
    void theIncident_expectedWageAlreadyThere_noHistory() throws Exception {
        try (ThrowawayDatabase db = TestDatabases.fresh()) {
            runByHand(db.settings(), APP, "V1", "V2", "V3");
            TestDatabases.execute(db.settings(), "insert into app_user(email) values ('ada@example.com');"
                    + " insert into candidate(user_id, full_name, expected_wage) values (1, 'Ada', 5000.50);");
            RowChecksums rows = rows(db.settings());

            MigrateResult result = migrate(db.settings(), APP, options(APP));

            assertThat(result.outcome()).isEqualTo(MigrateResult.Outcome.CONVERGED);
            assertThat(result.reconciliation().orElseThrow().toRecord()).extracting(s -> s.migration().version().orElseThrow())
                    .containsExactly("1", "2", "3");
            assertThat(result.flywayExecuted()).as("Flyway runs V4 and V5").isEqualTo(2);
            assertThat(result.log()).anyMatch(l -> l.contains("recorded as applied: V3"));
            assertConverged(db.settings(), APP);
            assertRowsUnchanged(db.settings(), rows);
            assertSecondRunChangesNothing(db.settings(), APP);
        }
    }

    @Test
    void aDatabaseBuiltByHbm2ddlWithPartsMissingIsCompletedThenRecorded() throws Exception {
        try (ThrowawayDatabase db = TestDatabases.fresh()) {
            runByHand(db.settings(), APP, "V1", "V2", "V3", "V4", "V5");
            TestDatabases.execute(db.settings(), "drop index idx_candidate_job_candidate_id;"
                    + " alter table candidate_job drop constraint uq_candidate_job_candidate_title_start;"
                    + " create table hibernate_leftover (id int);");
            MigrateResult result = migrate(db.settings(), APP, options(APP));
            assertThat(result.outcome()).isEqualTo(MigrateResult.Outcome.CONVERGED);
            assertThat(result.flywayExecuted()).isZero();
            assertThat(result.reconciliation().orElseThrow().statuses()).extracting(MigrationStatus::status)
                    .containsExactly(MigrationStatus.Status.ALL_PRESENT, MigrationStatus.Status.ALL_PRESENT,
                            MigrationStatus.Status.ALL_PRESENT, MigrationStatus.Status.PARTLY_PRESENT,
                            MigrationStatus.Status.PARTLY_PRESENT);
            assertConverged(db.settings(), APP);
            assertThat(tableExists(db.settings(), "hibernate_leftover")).as("extra table kept").isTrue();
        }
    }

    @Test
    void historyBehindTheSchema() throws Exception {
        try (ThrowawayDatabase db = TestDatabases.fresh()) {
            flyway(db.settings(), APP).target("2").load().migrate();
            runByHand(db.settings(), APP, "V3");
            MigrateResult result = migrate(db.settings(), APP, options(APP));
            assertThat(result.outcome()).isEqualTo(MigrateResult.Outcome.CONVERGED);
            assertThat(result.reconciliation().orElseThrow().toRecord()).extracting(s -> s.migration().version().orElseThrow())
                    .containsExactly("3");
            assertThat(result.flywayExecuted()).isEqualTo(2);
            assertConverged(db.settings(), APP);
        }
    }

    @Test
    void aMigrationThatChangesDataIsRefusedUntilTheUserSaysWhatToDo(@TempDir Path dir) throws Exception {
        Path migrations = copyApp(dir);
        Files.writeString(migrations.resolve("V6__wage_in_cents.sql"),
                "alter table candidate add column wage_cents bigint;\nupdate candidate set wage_cents = expected_wage * 100;\n");
        try (ThrowawayDatabase db = TestDatabases.fresh()) {
            runByHand(db.settings(), migrations, "V1", "V2", "V3", "V4", "V5", "V6");
            SchemaModel before = read(db.settings());
            MigrateResult refused = migrate(db.settings(), migrations, options(migrations));
            assertThat(refused.outcome()).isEqualTo(MigrateResult.Outcome.REFUSED);
            assertThat(refused.log()).anyMatch(l -> l.contains("V6") && l.contains("UPDATE at V6__wage_in_cents.sql:2")
                    && l.contains("--assume-applied 6"));
            assertThat(read(db.settings())).as("nothing changed").isEqualTo(before);
            assertThat(tableExists(db.settings(), "flyway_schema_history")).isFalse();

            MigrateResult assumed = migrate(db.settings(), migrations, options(migrations).withAssumeApplied(Set.of("6")));
            assertThat(assumed.outcome()).isEqualTo(MigrateResult.Outcome.CONVERGED);
            assertConverged(db.settings(), migrations);
        }
    }

    @Test
    void rerunRunsTheDataMigrationInTheRepairTransaction(@TempDir Path dir) throws Exception {
        Path migrations = copyApp(dir);
        // --rerun runs V6 whole, as Flyway would: re-runnable over the column added by hand
        Files.writeString(migrations.resolve("V6__backfill.sql"), "alter table candidate add column if not exists note text;\n"
                + "update candidate set note = 'checked';\n");
        try (ThrowawayDatabase db = TestDatabases.fresh()) {
            runByHand(db.settings(), migrations, "V1", "V2", "V3", "V4", "V5");
            TestDatabases.execute(db.settings(), "insert into app_user(email) values ('a@x');"
                    + " insert into candidate(user_id, full_name) values (1, 'Ada'); alter table candidate add column note text;");
            MigrateResult result = migrate(db.settings(), migrations, options(migrations).withRerun(Set.of("6")));
            assertThat(result.outcome()).isEqualTo(MigrateResult.Outcome.CONVERGED);
            assertThat(scalar(db.settings(), "select note from candidate")).isEqualTo("checked");
            assertConverged(db.settings(), migrations);
        }
    }

    @Test
    void migrationsThatCannotRunInATransactionAreRunOrRecordedLikeAnyOther(@TempDir Path dir) throws Exception {
        Path migrations = copyApp(dir);
        Files.writeString(migrations.resolve("V6__index_concurrently.sql"),
                "CREATE INDEX CONCURRENTLY idx_candidate_full_name ON candidate (full_name);\n");
        Files.writeString(migrations.resolve("V7__index_concurrently_too.sql"),
                "CREATE INDEX CONCURRENTLY idx_candidate_job_title ON candidate_job (title);\n");
        try (ThrowawayDatabase db = TestDatabases.fresh()) {
            runByHand(db.settings(), migrations, "V1", "V2", "V3", "V4", "V5", "V6");
            MigrateResult result = migrate(db.settings(), migrations, options(migrations));
            assertThat(result.outcome()).isEqualTo(MigrateResult.Outcome.CONVERGED);
            assertThat(result.reconciliation().orElseThrow().toRecord()).hasSize(6);
            assertThat(result.flywayExecuted()).as("Flyway runs V7, CONCURRENTLY, without hanging on its lock").isEqualTo(1);
            assertConverged(db.settings(), migrations);
        }
    }

    @Test
    void aFailedHistoryRowIsRemovedAndTheMigrationJudgedFromTheSchema() throws Exception {
        try (ThrowawayDatabase db = TestDatabases.fresh()) {
            flyway(db.settings(), APP).target("2").load().migrate();
            runByHand(db.settings(), APP, "V3");
            TestDatabases.execute(db.settings(), "insert into flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) values (3, '3', 'add candidate expected wage', 'SQL',"
                    + " 'V3__add_candidate_expected_wage.sql', 1, 'deploy', 0, false)");
            MigrateResult result = migrate(db.settings(), APP, options(APP));
            assertThat(result.outcome()).isEqualTo(MigrateResult.Outcome.CONVERGED);
            assertThat(result.log()).anyMatch(l -> l.contains("removed the failed history row of V3"));
            assertConverged(db.settings(), APP);
        }
    }

    @Test
    void eightDeploysAtOnceAllSucceedAndRecordEachVersionOnce() throws Exception {
        try (ThrowawayDatabase db = TestDatabases.fresh()) {
            runByHand(db.settings(), APP, "V1", "V2", "V3");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<MigrateResult>> runs = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    runs.add(pool.submit(() -> migrate(db.settings(), APP, options(APP))));
                }
                for (Future<MigrateResult> run : runs) {
                    assertThat(run.get().outcome()).isEqualTo(MigrateResult.Outcome.CONVERGED);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(scalar(db.settings(), "select count(*) - count(distinct version) from flyway_schema_history")).isEqualTo("0");
            assertThat(scalar(db.settings(), "select count(*) from flyway_schema_history")).isEqualTo("5");
            assertConverged(db.settings(), APP);
        }
    }

    // --- proof helpers -------------------------------------------------------------------------

    static void assertConverged(ConnectionSettings db, Path migrations) throws Exception {
        try (ThrowawayDatabase reference = TestDatabases.fresh()) {
            flyway(reference.settings(), migrations).load().migrate();
            assertThat(SchemaDiffer.actionable(SchemaDiffer.diff(read(reference.settings()), read(db))))
                    .as("live schema equals a database Flyway migrated from empty").isEmpty();
        }
        Flyway flyway = flyway(db, migrations).load();
        assertThat(flyway.validateWithResult().validationSuccessful).as("flyway validate").isTrue();
        assertThat(flyway.info().pending()).as("pending migrations").isEmpty();
    }

    static void assertSecondRunChangesNothing(ConnectionSettings db, Path migrations) throws Exception {
        SchemaModel before = read(db);
        String history = scalar(db, "select string_agg(installed_rank || ':' || version || ':' || checksum, ',' order by installed_rank)"
                + " from flyway_schema_history");
        MigrateResult again = migrate(db, migrations, options(migrations));
        assertThat(again.outcome()).isEqualTo(MigrateResult.Outcome.CONVERGED);
        assertThat(again.flywayExecuted()).isZero();
        assertThat(again.log()).anyMatch(l -> l.contains("nothing to reconcile"));
        assertThat(read(db)).isEqualTo(before);
        assertThat(scalar(db, "select string_agg(installed_rank || ':' || version || ':' || checksum, ',' order by installed_rank)"
                + " from flyway_schema_history")).isEqualTo(history);
    }

    static void assertRowsUnchanged(ConnectionSettings db, RowChecksums before) throws SQLException {
        try (Connection c = db.open()) {
            assertThat(before.retake(c).differencesFrom(before)).as("pre-existing rows unchanged").isEmpty();
        }
    }

    static RowChecksums rows(ConnectionSettings db) throws SQLException {
        try (Connection c = db.open()) {
            return RowChecksums.take(c, READER.read(c, PUBLIC));
        }
    }

    static org.flywaydb.core.api.configuration.FluentConfiguration flyway(ConnectionSettings db, Path migrations) {
        // as plain as Flyway gets, except its transactional lock, with which CREATE INDEX CONCURRENTLY hangs (flyway#3497)
        return io.driftgate.read.replay.MigrationReplay.withoutTransactionalLock(Flyway.configure())
                .dataSource(db.jdbcUrl(), db.user(), db.password().orElse(null))
                .locations("filesystem:" + migrations);
    }

    /** Runs migration scripts as a person or an ORM would: by hand, with no history. */
    static void runByHand(ConnectionSettings db, Path migrations, String... versions) throws Exception {
        for (String version : versions) {
            try (var files = Files.list(migrations)) {
                Path script = files.filter(p -> p.getFileName().toString().startsWith(version + "__")).findFirst().orElseThrow();
                TestDatabases.execute(db, Files.readString(script));
            }
        }
    }

    static Path copyApp(Path dir) throws Exception {
        Path target = dir.resolve("migration");
        Files.createDirectories(target);
        try (var files = Files.list(APP)) {
            for (Path p : files.toList()) {
                Files.copy(p, target.resolve(p.getFileName()));
            }
        }
        return target;
    }

    static SchemaModel read(ConnectionSettings db) throws SQLException {
        try (Connection c = db.open()) {
            return READER.read(c, PUBLIC);
        }
    }

    static boolean tableExists(ConnectionSettings db, String table) throws SQLException {
        return scalar(db, "select to_regclass('public." + table + "') is not null").equals("t");
    }

    static String scalar(ConnectionSettings db, String sql) throws SQLException {
        try (Connection c = db.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
