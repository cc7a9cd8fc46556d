package io.driftgate.cli;

import io.driftgate.failure.DriftgateException;
import io.driftgate.failure.Failure;
import io.driftgate.history.MigrateOptions;
import io.driftgate.history.MigrateResult;
import io.driftgate.history.RecoveringMigrate;
import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.read.replay.FlywaySettings;
import io.driftgate.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application's Flyway configuration reaches the replay and the target-side Flyway: placeholders from
 * --placeholder, flyway.conf and FLYWAY_PLACEHOLDERS_*, classpath: locations from a jar given with --classpath.
 */
class FlywayConfigurationTest {

    private static final String V1 = "CREATE TABLE owner_${schema_owner} (id int PRIMARY KEY);\n";
    private static final String V2 = "ALTER TABLE owner_${schema_owner} ADD COLUMN n int;\n";

    @TempDir
    Path dir;

    private Path migrations() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(folder.resolve("V1__owner_table.sql"), V1);
        Files.writeString(folder.resolve("V2__owner_column.sql"), V2);
        return folder;
    }

    /** The table V1 and V2 build for schema_owner=app, made by hand: the history knows nothing of it. */
    private static ThrowawayDatabase drifted() throws Exception {
        ThrowawayDatabase db = TestDatabases.fresh();
        TestDatabases.execute(db.settings(), "CREATE TABLE owner_app (id int PRIMARY KEY, n int)");
        return db;
    }

    private static String[] args(ThrowawayDatabase db, String... more) {
        List<String> all = new ArrayList<>(List.of(more));
        all.addAll(TestDatabases.connectionArgs(db.settings()));
        return all.toArray(String[]::new);
    }

    private static List<String> applied(ThrowawayDatabase db) throws Exception {
        List<String> versions = new ArrayList<>();
        try (Connection c = db.settings().open(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }

    @Test
    void aPlaceholderGivenWithThePlaceholderOptionReachesTheReplayAndFlyway() throws Exception {
        Path folder = migrations();
        try (ThrowawayDatabase db = drifted()) {
            CliRun run = CliRun.of(args(db, "migrate", "--locations", folder.toString(), "--flyway-config", "none",
                    "--placeholder", "schema_owner=app"));
            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).contains("recorded as applied: V1", "recorded as applied: V2", "converged");
            assertThat(applied(db)).containsExactly("1", "2");
        }
    }

    @Test
    void aPlaceholderFromFlywayConfReachesTheReplayAndFlyway() throws Exception {
        Path folder = migrations();
        Path conf = Files.writeString(dir.resolve("flyway.conf"), "flyway.placeholders.schema_owner=app\n");
        try (ThrowawayDatabase db = drifted()) {
            CliRun run = CliRun.of(args(db, "migrate", "--locations", folder.toString(), "--flyway-config", conf.toString()));
            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
            assertThat(applied(db)).containsExactly("1", "2");
        }
    }

    @Test
    void aPlaceholderFromTheEnvironmentReachesTheReplayAndFlyway() throws Exception {
        Path folder = migrations();
        FlywaySettings settings = FlywayConfigFiles.load(Optional.of("none"), List.of(), List.of(),
                Map.of("FLYWAY_PLACEHOLDERS_SCHEMA_OWNER", "app"), dir).settings();
        try (ThrowawayDatabase db = drifted()) {
            MigrateOptions options = MigrateOptions.of(List.of("filesystem:" + folder), List.of("public")).withFlyway(settings);
            MigrateResult result = new RecoveringMigrate(Map.of("DRIFTGATE_CACHE_DIR", dir.resolve("cache").toString()))
                    .migrate(db.settings(), options, line -> { });
            assertThat(result.outcome()).isEqualTo(MigrateResult.Outcome.CONVERGED);
            assertThat(applied(db)).containsExactly("1", "2");
        }
    }

    @Test
    void theOptionOverridesTheEnvironmentWhichOverridesTheFile() throws Exception {
        Path conf = Files.writeString(dir.resolve("flyway.conf"), "flyway.placeholders.a=file\nflyway.placeholders.b=file\n"
                + "flyway.placeholders.c=file\nflyway.encoding=ISO-8859-1\nflyway.table=app_history\n");
        FlywayConfigFiles.Loaded loaded = FlywayConfigFiles.load(Optional.of(conf.toString()), List.of("c=option"), List.of(),
                Map.of("FLYWAY_PLACEHOLDERS_B", "env", "FLYWAY_PLACEHOLDERS_C", "env"), dir);
        FlywaySettings settings = loaded.settings();
        assertThat(settings.configure().getPlaceholders()).containsEntry("a", "file").containsEntry("b", "env").containsEntry("c", "option");
        assertThat(settings.configure().getEncoding()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(settings.table()).isEqualTo("app_history");
    }

    @Test
    void aMissingPlaceholderIsExit3NamingIt() throws Exception {
        Path folder = migrations();
        try (ThrowawayDatabase db = drifted()) {
            CliRun run = CliRun.of(args(db, "plan", "--locations", folder.toString(), "--flyway-config", "none"));
            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err()).contains("${schema_owner}", "--placeholder schema_owner=", "FLYWAY_PLACEHOLDERS_SCHEMA_OWNER");
        }
    }

    @Test
    void aFlywayTomlIsExit3SayingItIsNotRead() throws Exception {
        Files.writeString(dir.resolve("flyway.toml"), "[flyway]\nlocations = [\"filesystem:sql\"]\n");
        assertThatThrownBy(() -> FlywayConfigFiles.load(Optional.empty(), List.of(), List.of(), Map.of(), dir))
                .isInstanceOfSatisfying(DriftgateException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_INPUT))
                .hasMessageContaining(dir.resolve("flyway.toml").toString())
                .hasMessageContaining("--flyway-config");
        // the way out the message names
        assertThat(FlywayConfigFiles.load(Optional.of("none"), List.of("k=v"), List.of(), Map.of(), dir).settings()
                .configure().getPlaceholders()).containsEntry("k", "v");
    }

    @Test
    void aPlaceholderWithoutAValueAndAnUnknownSettingAreExit3() throws Exception {
        assertThatThrownBy(() -> FlywayConfigFiles.load(Optional.of("none"), List.of("schema_owner"), List.of(), Map.of(), dir))
                .hasMessageContaining("--placeholder schema_owner is not KEY=VALUE");
        Path conf = Files.writeString(dir.resolve("flyway.conf"), "flyway.noSuchSetting=1\n");
        assertThatThrownBy(() -> FlywayConfigFiles.load(Optional.of(conf.toString()), List.of(), List.of(), Map.of(), dir).settings())
                .isInstanceOfSatisfying(DriftgateException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_INPUT))
                .hasMessageContaining("flyway.noSuchSetting");
    }

    @Test
    void aClasspathLocationIsReadFromTheJarGivenWithClasspath() throws Exception {
        Path jar = dir.resolve("app.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("appdb/"));
            out.putNextEntry(new JarEntry("appdb/migration/"));
            out.putNextEntry(new JarEntry("appdb/migration/V1__jarred.sql"));
            out.write("CREATE TABLE jarred (id int PRIMARY KEY);\n".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new JarEntry("appdb/migration/V2__jarred_note.sql"));
            out.write("ALTER TABLE jarred ADD COLUMN note text;\n".getBytes(StandardCharsets.UTF_8));
        }
        try (ThrowawayDatabase db = TestDatabases.fresh()) {
            TestDatabases.execute(db.settings(), "CREATE TABLE jarred (id int PRIMARY KEY)");
            CliRun without = CliRun.of(args(db, "migrate", "--locations", "classpath:appdb/migration", "--flyway-config", "none"));
            assertThat(without.exit()).as(without.err()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(without.err()).contains("classpath:appdb/migration", "--classpath");

            CliRun run = CliRun.of(args(db, "migrate", "--locations", "classpath:appdb/migration", "--flyway-config", "none",
                    "--classpath", jar.toString()));
            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
            // V1 proven present from the jar's script text (read where Flyway resolved it), V2 left to Flyway
            assertThat(run.out()).contains("recorded as applied: V1", "Flyway applied 1 migration(s)");
            assertThat(applied(db)).containsExactly("1", "2");
        }
    }

    @Test
    void theJavaApiCopiesTheApplicationsWholeConfiguration() {
        Flyway app = Flyway.configure().placeholders(Map.of("schema_owner", "app")).defaultSchema("billing")
                .encoding(StandardCharsets.ISO_8859_1).outOfOrder(true).table("app_history").load();
        FlywaySettings settings = FlywaySettings.of(app.getConfiguration());
        assertThat(settings.configure().getPlaceholders()).containsEntry("schema_owner", "app");
        assertThat(settings.configure().isOutOfOrder()).isTrue();
        assertThat(settings.historySchema(List.of("public"))).isEqualTo("billing");
        // defaultSchema decides where the history table is, and so the key of Flyway's lock that driftgate takes too
        assertThat(MigrateOptions.of(List.of("filesystem:x"), List.of("public")).withFlyway(settings).historySchema()).isEqualTo("billing");
        assertThat(MigrateOptions.of(List.of("filesystem:x"), List.of("public")).historySchema()).isEqualTo("public");
        assertThat(settings.table()).isEqualTo("app_history");
        assertThat(settings.fingerprint()).isNotEqualTo(FlywaySettings.defaults().fingerprint());
    }
}
