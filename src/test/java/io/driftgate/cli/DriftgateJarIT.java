package io.driftgate.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged {@code target/driftgate.jar}, started as users start it. */
class DriftgateJarIT {

    private static final Path JAR = Path.of("target/driftgate.jar");

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        assertThat(JAR).as("mvn package builds target/driftgate.jar").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("driftgate-out", ".txt");
        Path err = Files.createTempFile("driftgate-err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("driftgate finished").isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void doctorStartsAPostgresAndExits0() throws Exception {
        Result r = run("doctor");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("provider:", "postgres:  PostgreSQL");
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
