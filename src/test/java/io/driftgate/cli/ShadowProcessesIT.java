package io.driftgate.cli;

import io.driftgate.db.ConnectionSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar driftgate.jar plan --shadow-on-target} stopped during the replay (a migration sleeps):
 * SIGTERM leaves no temporary shadow; SIGKILL leaves one, which the next run drops because its marker
 * proves whose it was and that the run is gone, while look-alikes without that proof stay.
 */
@Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ShadowProcessesIT {

    private static final Path JAR = Path.of("target/driftgate.jar");

    private static Process plan(ConnectionSettings target, Path migrations, Path log) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                "plan", "--url", target.jdbcUrl(), "--user", target.user(), "--locations", migrations.toString(), "--shadow-on-target")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The shadow the process made, once its replay is under way. */
    private static String shadowOf(Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            Optional<String> found = ShadowServer.shadows().entrySet().stream()
                    .filter(e -> e.getValue().contains(" pid=" + process.pid() + " ")).map(Map.Entry::getKey).findFirst();
            if (found.isPresent()) {
                Thread.sleep(1_000); // into the migration's pg_sleep
                return found.get();
            }
            assertThat(process.isAlive()).as(Files.readString(log)).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("no shadow appeared: " + Files.readString(log));
    }

    private static Path sleepingMigrations() throws Exception {
        return ShadowServer.migrations("V1__slow.sql", "CREATE TABLE slow (id int);\nSELECT pg_sleep(8);");
    }

    @Test
    void sigtermDuringTheReplayLeavesNoShadow() throws Exception {
        ConnectionSettings target = ShadowServer.newDatabase("dg_pit_target");
        try {
            Path log = Files.createTempFile("driftgate-sigterm", ".log");
            Process process = plan(target, sleepingMigrations(), log);
            String shadow = shadowOf(process, log);

            process.destroy(); // SIGTERM: a cancelled CI job
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(ShadowServer.shadows()).as(Files.readString(log)).doesNotContainKey(shadow);
        } finally {
            ShadowServer.drop(target);
        }
    }

    @Test
    void sigkillLeavesAShadowThatTheNextRunDropsButLookAlikesStay() throws Exception {
        ConnectionSettings target = ShadowServer.newDatabase("dg_pit_target");
        String unmarked = "dg_shadow_x";
        String liveLookAlike = "dg_shadow_0123456789abcdef";
        try {
            Path log = Files.createTempFile("driftgate-sigkill", ".log");
            Process process = plan(target, sleepingMigrations(), log);
            String shadow = shadowOf(process, log);
            process.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(ShadowServer.shadows()).containsKey(shadow);
            // not driftgate's (no marker), and one whose marker names a live process (this JVM) on this host
            ShadowServer.execute(ShadowServer.ADMIN, "DROP DATABASE IF EXISTS " + unmarked + "; CREATE DATABASE " + unmarked);
            ShadowServer.execute(ShadowServer.ADMIN, "DROP DATABASE IF EXISTS " + liveLookAlike + "; CREATE DATABASE " + liveLookAlike);
            ShadowServer.execute(ShadowServer.ADMIN, "COMMENT ON DATABASE " + liveLookAlike + " IS 'driftgate shadow id=0123456789abcdef pid="
                    + ProcessHandle.current().pid() + " host=" + io.driftgate.read.replay.ShadowMarker.thisHost() + " started="
                    + ProcessHandle.current().info().startInstant().orElse(Instant.now()) + "'");

            CliRun next = CliRun.of("plan", "--url", target.jdbcUrl(), "--user", target.user(), "--locations",
                    ShadowServer.migrations("V1__quick.sql", "CREATE TABLE quick (id int);").toString(), "--shadow-on-target");

            assertThat(next.exit()).as(next.err()).isIn(ExitCodes.OK, ExitCodes.DRIFT);
            assertThat(ShadowServer.shadows()).doesNotContainKey(shadow).containsKeys(unmarked, liveLookAlike);
        } finally {
            ShadowServer.execute(ShadowServer.ADMIN, "DROP DATABASE IF EXISTS " + unmarked + " WITH (FORCE)");
            ShadowServer.execute(ShadowServer.ADMIN, "DROP DATABASE IF EXISTS " + liveLookAlike + " WITH (FORCE)");
            ShadowServer.drop(target);
        }
    }
}
