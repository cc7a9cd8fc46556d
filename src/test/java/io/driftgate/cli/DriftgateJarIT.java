package io.driftgate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The packaged {@code target/driftgate.jar}, started as users start it. */
class DriftgateJarIT {

    private static final Path JAR = Path.of("target/driftgate.jar");
    private static final long MAX_JAR_BYTES = 40L * 1024 * 1024;

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), List.of(), args);
    }

    private static Result run(Map<String, String> env, List<String> unset, String... args) throws IOException, InterruptedException {
        assertThat(JAR).as("mvn package builds target/driftgate.jar").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("driftgate-out", ".txt");
        Path err = Files.createTempFile("driftgate-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        unset.forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        Process p = builder.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("driftgate finished").isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void doctorStartsAPostgresAndExits0() throws Exception {
        Result r = run("doctor");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("provider:", "postgres:  PostgreSQL");
    }

    /** A jar that production downloads on every deploy: the embedded binaries are fetched on first use, not shipped. */
    @Test
    void theJarIsAtMost40MB() throws Exception {
        assertThat(Files.size(JAR)).as("size of " + JAR + " in bytes").isLessThanOrEqualTo(MAX_JAR_BYTES);
    }

    @Test
    void doctorSaysWhichMajorItStarted() throws Exception {
        Result r = run(Map.of("DRIFTGATE_PG", "embedded", "DRIFTGATE_PG_VERSION", "14"), List.of(), "doctor");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("provider:  embedded, PostgreSQL 14", "postgres:  PostgreSQL 14.");
    }

    /** Testcontainers writes ~/.testcontainers.properties once it has found Docker; without Docker now, that is no reason to ask it. */
    @Test
    void aStaleTestcontainersPropertiesFileMakesNoNoise(@TempDir Path home) throws Exception {
        assumeFalse(Files.exists(Path.of("/var/run/docker.sock")), "this machine has a Docker socket at the default path");
        Files.writeString(home.resolve(".testcontainers.properties"),
                "docker.client.strategy=org.testcontainers.dockerclient.UnixSocketClientProviderStrategy\n");
        Result r = run(Map.of("HOME", home.toString(), "DRIFTGATE_PG", "external", "DRIFTGATE_PG_URL",
                "postgres://postgres:secret@127.0.0.1:1/postgres"), List.of("DOCKER_HOST", "XDG_RUNTIME_DIR"), "doctor");
        assertThat(r.out()).contains("docker:    no Docker");
        assertThat(r.out() + r.err()).doesNotContain("Testcontainers").doesNotContain("ERROR").doesNotContain("\tat ");
    }

    @Test
    void versionAndHelp() throws Exception {
        assertThat(run("--version").out()).contains("driftgate 0.1.0");
        assertThat(run("--help").out()).contains("migrate", "reproduce");
    }

    @Test
    void aMissingDatabaseUrlIsBadInputWithoutAStackTrace() throws Exception {
        Result r = run("doctor", "--nope");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
