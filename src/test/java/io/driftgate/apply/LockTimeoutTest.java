package io.driftgate.apply;

import io.driftgate.failure.DriftgateException;
import io.driftgate.failure.Failure;
import io.driftgate.model.SchemaModel;
import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.read.catalog.CatalogReader;
import io.driftgate.testing.Locks;
import io.driftgate.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Live traffic holding a table lock: the repair never queues behind it for long; it rolls back and retries. */
class LockTimeoutTest {

    private static final CatalogReader READER = new CatalogReader();

    private static SchemaModel expected() throws Exception {
        try (ThrowawayDatabase db = TestDatabases.fresh()) {
            TestDatabases.execute(db.settings(), "create table candidate (id int primary key, expected_wage numeric(10,2))");
            try (Connection c = db.settings().open()) {
                return READER.read(c, List.of("public"));
            }
        }
    }

    @Test
    void aLockHeldThroughEveryAttemptFailsWithTheReasonAndChangesNothing() throws Exception {
        SchemaModel expected = expected();
        try (ThrowawayDatabase live = TestDatabases.fresh()) {
            TestDatabases.execute(live.settings(), "create table candidate (id int primary key); insert into candidate values (1)");
            try (Connection traffic = live.settings().open()) {
                traffic.setAutoCommit(false);
                try (Statement s = traffic.createStatement()) {
                    s.execute("select * from candidate"); // a reader's ACCESS SHARE lock, held until it commits
                }
                int trafficPid = Locks.pid(traffic);
                RepairSettings settings = RepairSettings.defaults().withLockTimeout(Duration.ofMillis(200));
                assertThatThrownBy(() -> new RepairExecutor(READER).repair(live.settings(), expected, settings))
                        .isInstanceOf(DriftgateException.class)
                        .satisfies(e -> assertThat(((DriftgateException) e).failure()).isEqualTo(Failure.DATABASE))
                        .hasMessageContaining("lock was not granted within 200 ms in 5 attempts")
                        .hasMessageContaining("public.candidate is locked (AccessShareLock) by pid " + trafficPid)
                        .hasMessageContaining("pg_terminate_backend(" + trafficPid + ")")
                        .hasMessageContaining("Nothing was changed");
                traffic.rollback();
            }
            try (Connection c = live.settings().open()) {
                assertThat(READER.read(c, List.of("public")).table(expected.tables().get(0).name()).orElseThrow().columns())
                        .as("unchanged").hasSize(1);
            }
        }
    }

    @Test
    void aLockReleasedBetweenAttemptsIsRetriedToSuccess() throws Exception {
        SchemaModel expected = expected();
        try (ThrowawayDatabase live = TestDatabases.fresh()) {
            TestDatabases.execute(live.settings(), "create table candidate (id int primary key)");
            Connection traffic = live.settings().open();
            traffic.setAutoCommit(false);
            try (Statement s = traffic.createStatement()) {
                s.execute("select * from candidate");
            }
            int trafficPid = Locks.pid(traffic);
            CompletableFuture<RepairOutcome> repair = CompletableFuture.supplyAsync(() -> new RepairExecutor(READER)
                    .repair(live.settings(), expected, RepairSettings.defaults().withLockTimeout(Duration.ofMillis(200))));
            // release only once the first attempt has waited and given up: its lock request is gone from pg_locks
            Locks.until("the repair waits for candidate", () -> Locks.someoneWaitsFor(live.settings(), "candidate", trafficPid));
            Locks.until("the first attempt gives up", () -> !Locks.someoneWaitsFor(live.settings(), "candidate", trafficPid));
            traffic.rollback();
            traffic.close();
            RepairOutcome outcome = repair.get(2, TimeUnit.MINUTES);
            assertThat(outcome).isInstanceOf(RepairOutcome.Applied.class);
            assertThat(((RepairOutcome.Applied) outcome).attempts()).isGreaterThan(1);
        }
    }
}
