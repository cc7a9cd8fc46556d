package io.driftgate.cli;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar driftgate.jar migrate} as separate processes: eight deploys at once, and deploys killed
 * with SIGKILL at varied points of a recovery, then rerun. The packaged jar, a real PostgreSQL.
 */
class MigrateProcessesIT {

    private static final Path JAR = Path.of("target/driftgate.jar");
    private static final String APP = "fixtures/app/db/migration";
    private static final int SEEDED_USERS = 200_000;

    private static ProcessBuilder migrate(ConnectionSettings db, Path log) {
        ProcessBuilder process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString(), "migrate", "--url", db.jdbcUrl(), "--user", db.user(), "--locations", APP)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        db.password().ifPresent(p -> process.environment().put("PGPASSWORD", p));
        return process;
    }

    /** V1 and V2 applied by hand, no history, many rows: the repair has work to do (an index build over the rows). */
    private static ThrowawayDatabase driftedWithRows() throws Exception {
        ThrowawayDatabase db = TestDatabases.fresh();
        TestDatabases.execute(db.settings(), Files.readString(Path.of(APP, "V1__create_app_user.sql")).replace(
                "CONSTRAINT app_user_email_key UNIQUE (email)", "CONSTRAINT app_user_email_check CHECK (email <> '')"));
        TestDatabases.execute(db.settings(), Files.readString(Path.of(APP, "V2__create_candidate.sql")));
        TestDatabases.execute(db.settings(), "insert into app_user(email) select 'user' || g || '@example.com' from generate_series(1, "
                + SEEDED_USERS + ") g; insert into candidate(user_id, full_name) select id, 'n' || id from app_user where id % 10 = 0;");
        return db;
    }

    @Test
    void eightDeploysAtOnceAllExit0AndTheHistoryHasNoDuplicate() throws Exception {
        try (ThrowawayDatabase db = driftedWithRows()) {
            List<Process> processes = new ArrayList<>();
            List<Path> logs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Path log = Files.createTempFile("driftgate-migrate-" + i, ".log");
                logs.add(log);
                processes.add(migrate(db.settings(), log).start());
            }
            for (int i = 0; i < processes.size(); i++) {
                assertThat(processes.get(i).waitFor(300, TimeUnit.SECONDS)).as("deploy " + i + " finished").isTrue();
                assertThat(processes.get(i).exitValue()).as(Files.readString(logs.get(i))).isZero();
            }
            assertThat(scalar(db.settings(), "select count(*) - count(distinct version) from flyway_schema_history")).isEqualTo(0);
            assertThat(scalar(db.settings(), "select count(*) from flyway_schema_history")).isEqualTo(5);
            assertThat(scalar(db.settings(), "select count(*) from app_user")).isEqualTo(SEEDED_USERS);
        }
    }

    @Test
    void aDeployKilledAtAnyPointIsRerunToConvergenceWithNoRowLost() throws Exception {
        for (long killAfterMillis : new long[] {700, 1_500, 2_500, 4_000}) {
            try (ThrowawayDatabase db = driftedWithRows()) {
                long candidates = scalar(db.settings(), "select count(*) from candidate");
                Path log = Files.createTempFile("driftgate-killed", ".log");
                Process victim = migrate(db.settings(), log).start();
                Thread.sleep(killAfterMillis);
                victim.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the client
                victim.waitFor(30, TimeUnit.SECONDS);

                Path rerunLog = Files.createTempFile("driftgate-rerun", ".log");
                Process rerun = migrate(db.settings(), rerunLog).start();
                assertThat(rerun.waitFor(300, TimeUnit.SECONDS)).isTrue();
                assertThat(rerun.exitValue()).as("killed after " + killAfterMillis + " ms:\n" + Files.readString(log)
                        + "\nrerun:\n" + Files.readString(rerunLog)).isZero();
                assertThat(Files.readString(rerunLog)).contains("converged");
                assertThat(scalar(db.settings(), "select count(*) from app_user")).isEqualTo(SEEDED_USERS);
                assertThat(scalar(db.settings(), "select count(*) from candidate")).isEqualTo(candidates);
                assertThat(scalar(db.settings(), "select count(*) - count(distinct version) from flyway_schema_history")).isEqualTo(0);
            }
        }
    }

    private static long scalar(ConnectionSettings db, String sql) throws Exception {
        try (Connection c = db.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
