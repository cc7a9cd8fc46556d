package io.driftgate.cli;

import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.testing.CatalogFingerprint;
import io.driftgate.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input that only a separate process can give: the environment (provider settings, {@code DATABASE_URL},
 * {@code PGPASSWORD}) and the JVM's own limits. The packaged jar, as users start it.
 */
class BadEnvironmentIT {

    private static final Path JAR = Path.of("target/driftgate.jar");
    private static final String APP = "fixtures/app/db/migration";
    private static final String SECRET = "Zq8-Kx!pR2#vLm9s";

    @TempDir
    Path temp;

    private record Result(int exit, String printed) {
    }

    private Result run(Map<String, String> env, List<String> jvm, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvm);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(temp, "out", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().keySet().removeIf(k -> k.equals("DATABASE_URL") || k.startsWith("PG") || k.startsWith("DRIFTGATE_"));
        builder.environment().putAll(env);
        Process p = builder.start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("driftgate finished").isTrue();
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(printed).as("no stack trace").doesNotContain("\tat ");
        for (String piece : BadInputs.pieces(SECRET)) {
            assertThat(printed).as("a piece of the secret").doesNotContain(piece);
        }
        return new Result(p.exitValue(), printed);
    }

    @Test
    void aProviderSettingThatNamesNoProviderIsBadInput() throws Exception {
        Result r = run(Map.of("DRIFTGATE_PG", "bogus"), List.of(), "doctor");
        assertThat(r.exit()).as(r.printed()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.printed()).contains("DRIFTGATE_PG=bogus");
    }

    @Test
    void aMajorDriftgateDoesNotProvideIsBadInput() throws Exception {
        Result r = run(Map.of("DRIFTGATE_PG", "embedded", "DRIFTGATE_PG_VERSION", "nine"), List.of(), "doctor");
        assertThat(r.exit()).as(r.printed()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.printed()).contains("DRIFTGATE_PG_VERSION=nine");
    }

    @Test
    void anExternalProviderWithoutItsUrlIsBadInput() throws Exception {
        Result r = run(Map.of("DRIFTGATE_PG", "external"), List.of(), "doctor");
        assertThat(r.exit()).as(r.printed()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.printed()).contains("DRIFTGATE_PG_URL");
    }

    @Test
    void aPasswordInDatabaseUrlOrPgpasswordIsNeverPrinted() throws Exception {
        Result fromUrl = run(Map.of("DATABASE_URL", "postgres://app:" + SECRET.replace("#", "%23") + "@127.0.0.1:1/db"), List.of(),
                "migrate", "--locations", APP);
        assertThat(fromUrl.exit()).as(fromUrl.printed()).isEqualTo(ExitCodes.DATABASE);
        Result fromEnv = run(Map.of("PGPASSWORD", SECRET), List.of(), "plan", "--url", "jdbc:postgresql://127.0.0.1:1/db",
                "--locations", APP);
        assertThat(fromEnv.exit()).as(fromEnv.printed()).isEqualTo(ExitCodes.DATABASE);
    }

    @Test
    void runningOutOfMemoryIsExit4WithASentenceNeverExit1() throws Exception {
        Path migrations = Files.createDirectories(temp.resolve("huge"));
        Files.copy(Path.of(APP, "V1__create_app_user.sql"), migrations.resolve("V1__create_app_user.sql"));
        try (Writer w = Files.newBufferedWriter(migrations.resolve("V2__huge.sql"))) {
            String line = "INSERT INTO app_user (email) VALUES ('" + "x".repeat(200) + "');\n";
            for (int i = 0; i < 400_000; i++) { // ~85 MB of statements: more than a 64 MB heap holds as one script
                w.write(line);
            }
        }
        try (ThrowawayDatabase db = TestDatabases.fresh()) {
            CatalogFingerprint before = CatalogFingerprint.of(db.settings());
            Result r = run(Map.of("PGPASSWORD", TestDatabases.password(db.settings())), List.of("-Xmx64m"), "plan", "--url",
                    db.settings().jdbcUrl(), "--user", db.settings().user(), "--locations", migrations.toString());
            assertThat(r.exit()).as(r.printed()).isEqualTo(ExitCodes.DATABASE);
            assertThat(r.printed()).contains("out of memory", "-Xmx");
            assertThat(CatalogFingerprint.of(db.settings()).differencesFrom(before)).isEmpty();
        }
    }
}
