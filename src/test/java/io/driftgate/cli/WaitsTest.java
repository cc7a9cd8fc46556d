package io.driftgate.cli;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.testing.Locks;
import io.driftgate.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Every wait of the CLI is bounded: table locks in the Flyway stage and the catalog reads, connecting, the options. */
class WaitsTest {

    private static String[] args(ConnectionSettings db, Path migrations, String... more) {
        List<String> all = new ArrayList<>(List.of(more));
        all.addAll(TestDatabases.connectionArgs(db));
        all.addAll(List.of("--locations", "filesystem:" + migrations, "--lock-timeout", "200"));
        return all.toArray(String[]::new);
    }

    /** V1 applied by Flyway; V2, pending, ALTERs candidate. */
    private static ThrowawayDatabase withPendingAlter(Path migrations) throws Exception {
        Files.writeString(migrations.resolve("V1__create.sql"), "create table candidate (id int primary key); insert into candidate values (1);");
        Files.writeString(migrations.resolve("V2__add_note.sql"), "alter table candidate add column note text;");
        ThrowawayDatabase db = TestDatabases.fresh();
        Flyway.configure().dataSource(db.settings().jdbcUrl(), db.settings().user(), db.settings().password().orElse(null))
                .locations("filesystem:" + migrations).target("1").load().migrate();
        return db;
    }

    private static Connection reading(ConnectionSettings db) throws Exception {
        Connection traffic = db.open();
        traffic.setAutoCommit(false);
        try (Statement s = traffic.createStatement()) {
            s.execute("select * from candidate"); // ACCESS SHARE, held until the transaction ends
        }
        return traffic;
    }

    private static long count(ConnectionSettings db, String sql) throws Exception {
        try (Connection c = db.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void migrateGivesUpOnATableLockHeldThroughoutNamesTheBlockerAndChangesNothing(@TempDir Path migrations) throws Exception {
        try (ThrowawayDatabase db = withPendingAlter(migrations); Connection traffic = reading(db.settings())) {
            int blocker = Locks.pid(traffic);
            CompletableFuture<CliRun> migrate = CompletableFuture.supplyAsync(() -> CliRun.of(args(db.settings(), migrations, "migrate")));

            // while V2's ALTER waits, a new reader queues behind it, but only until lock_timeout ends that wait
            Locks.until("V2's ALTER waits for candidate", () -> Locks.someoneWaitsFor(db.settings(), "candidate", blocker));
            CompletableFuture<Long> reader = CompletableFuture.supplyAsync(() -> {
                try {
                    return count(db.settings(), "select count(*) from candidate");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(reader.get(2, TimeUnit.MINUTES)).as("live traffic is not blocked behind the migration").isEqualTo(1);

            CliRun run = migrate.get(2, TimeUnit.MINUTES);
            assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.DATABASE);
            assertThat(run.err()).contains("V2", "waited for a table lock 5 times", "public.candidate is locked (AccessShareLock) by pid " + blocker,
                    "Nothing was changed");
            traffic.rollback();
            assertThat(count(db.settings(), "select count(*) from information_schema.columns where table_name = 'candidate'"))
                    .as("schema unchanged").isEqualTo(1);
            assertThat(count(db.settings(), "select count(*) from flyway_schema_history where version = '2'")).as("history unchanged").isZero();
        }
    }

    @Test
    void migrateRetriesWhenTheLockIsReleasedBetweenAttempts(@TempDir Path migrations) throws Exception {
        try (ThrowawayDatabase db = withPendingAlter(migrations); Connection traffic = reading(db.settings())) {
            int blocker = Locks.pid(traffic);
            CompletableFuture<CliRun> migrate = CompletableFuture.supplyAsync(() -> CliRun.of(args(db.settings(), migrations, "migrate")));
            Locks.until("V2's ALTER waits", () -> Locks.someoneWaitsFor(db.settings(), "candidate", blocker));
            Locks.until("the first attempt gives up", () -> !Locks.someoneWaitsFor(db.settings(), "candidate", blocker));
            traffic.rollback();

            CliRun run = migrate.get(2, TimeUnit.MINUTES);
            assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
            assertThat(run.out() + run.err()).contains("retrying (attempt 2 of 5)");
            assertThat(count(db.settings(), "select count(*) from flyway_schema_history where version = '2' and success")).isEqualTo(1);
        }
    }

    /** Deparsing a generated column takes ACCESS SHARE on its table: an ACCESS EXCLUSIVE holder blocks plan's catalog read. */
    @Test
    void planGivesUpOnAnExclusiveLockNamingTheTableThenSucceedsOnceReleased(@TempDir Path migrations) throws Exception {
        Files.writeString(migrations.resolve("V1__create.sql"),
                "create table candidate (id int primary key, wage int, doubled int generated always as (wage * 2) stored);");
        try (ThrowawayDatabase db = TestDatabases.fresh()) {
            TestDatabases.execute(db.settings(), Files.readString(migrations.resolve("V1__create.sql")));
            try (Connection holder = db.settings().open()) {
                holder.setAutoCommit(false);
                try (Statement s = holder.createStatement()) {
                    s.execute("lock table candidate in access exclusive mode");
                }
                int pid = Locks.pid(holder);
                CliRun locked = CliRun.of(args(db.settings(), migrations, "plan"));
                assertThat(locked.exit()).as(locked.err()).isEqualTo(ExitCodes.DATABASE);
                assertThat(locked.err()).contains("public.candidate is locked (AccessExclusiveLock) by pid " + pid, "Nothing was changed");

                CompletableFuture<CliRun> plan = CompletableFuture.supplyAsync(() -> CliRun.of(args(db.settings(), migrations, "plan")));
                Locks.until("plan waits for candidate", () -> Locks.someoneWaitsFor(db.settings(), "candidate", pid));
                Locks.until("its first attempt gives up", () -> !Locks.someoneWaitsFor(db.settings(), "candidate", pid));
                holder.rollback();
                CliRun released = plan.get(2, TimeUnit.MINUTES);
                assertThat(released.exit()).as(released.err()).isEqualTo(ExitCodes.DRIFT); // history missing; schema there
            }
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // the hang guard; the connect timeout is what ends the wait
    void aPortThatAcceptsAndNeverAnswersFailsWithinTheConnectTimeout(@TempDir Path migrations) throws Exception {
        Files.writeString(migrations.resolve("V1__create.sql"), "create table candidate (id int primary key);");
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // accept, then never say a word
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String hostPort = "127.0.0.1:" + silent.getLocalPort();
            CliRun run = CliRun.of("plan", "--url", "jdbc:postgresql://" + hostPort + "/db", "--user", "app", "--password", "s3cret-pw",
                    "--connect-timeout", "1s", "--locations", "filesystem:" + migrations);
            assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.DATABASE);
            assertThat(run.err()).contains(hostPort, "connect timeout of 1 s", "--connect-timeout").doesNotContain("s3cret-pw");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "--lock-timeout;0", "--lock-timeout;-5", "--lock-timeout;abc", "--lock-timeout;99999999", "--lock-timeout;11min",
            "--statement-timeout;0", "--statement-timeout;25h", "--statement-timeout;100ms",
            "--connect-timeout;0", "--connect-timeout;-1", "--connect-timeout;1h",
            "--socket-timeout;0", "--socket-timeout;10min", "--socket-timeout;x"})
    void aDurationOutsideItsRangeIsBadInput(String option, String value) {
        CliRun run = CliRun.of("plan", "--url", "jdbc:postgresql://127.0.0.1:1/never", option, value, "--locations", "filesystem:none");
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(option.equals("--lock-timeout") && value.equals("-5") ? "-5" : option);
    }
}
