package io.driftgate.apply;

import io.driftgate.model.SchemaModel;
import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.read.catalog.CatalogReader;
import io.driftgate.testing.Locks;
import io.driftgate.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two repairs of one database at once: the second waits on the migration lock, then finds nothing to do. */
class ConcurrentRepairTest {

    private static final CatalogReader READER = new CatalogReader();

    @Test
    void oneRepairWaitsForTheOtherThenFindsNothingToDo() throws Exception {
        try (ThrowawayDatabase expectedDb = TestDatabases.fresh(); ThrowawayDatabase live = TestDatabases.fresh()) {
            TestDatabases.execute(expectedDb.settings(), "create table candidate (id int primary key, expected_wage numeric(10,2));"
                    + " create index candidate_wage_idx on candidate(expected_wage);");
            TestDatabases.execute(live.settings(), "create table candidate (id int primary key);");
            SchemaModel expected;
            try (Connection c = expectedDb.settings().open()) {
                expected = READER.read(c, List.of("public"));
            }
            long key = FlywayLock.key("public", RepairSettings.FLYWAY_HISTORY_TABLE);
            RepairExecutor executor = new RepairExecutor(READER);
            RepairSettings settings = RepairSettings.defaults().withWaitForOtherRun(Duration.ofSeconds(30));

            CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
            CountDownLatch releaseFirst = new CountDownLatch(1);
            CompletableFuture<RepairOutcome> first = CompletableFuture.supplyAsync(() -> executor.repair(live.settings(), expected.schemas(),
                    settings, (c, schema) -> {
                        firstHoldsTheLock.countDown();
                        await(releaseFirst);
                        return RepairGoal.fixed(expected, java.util.Optional.empty()).decide(c, schema);
                    }));
            assertThat(firstHoldsTheLock.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<RepairOutcome> second = CompletableFuture.supplyAsync(() -> executor.repair(live.settings(), expected, settings));

            Locks.until("the second repair waits for the migration lock", () -> Locks.someoneWaitsForAnAdvisoryLock(live.settings()));
            assertThat(second).as("the second repair waits for the lock").isNotDone();
            try (Connection observer = live.settings().open()) {
                assertThat(FlywayLock.isHeld(observer, key)).isTrue();
            }
            releaseFirst.countDown();

            assertThat(first.get(60, TimeUnit.SECONDS)).isInstanceOf(RepairOutcome.Applied.class);
            assertThat(second.get(60, TimeUnit.SECONDS)).isInstanceOf(RepairOutcome.NothingToDo.class);
        }
    }

    /** The wait for another run (10 min by default) is bounded by its own lock_timeout, never cut by statement_timeout. */
    @Test
    void theWaitForAnotherRunOutlastsTheStatementTimeout() throws Exception {
        try (ThrowawayDatabase expectedDb = TestDatabases.fresh(); ThrowawayDatabase live = TestDatabases.fresh();
             Connection otherRun = live.settings().open()) {
            TestDatabases.execute(expectedDb.settings(), "create table candidate (id int primary key, expected_wage numeric(10,2))");
            TestDatabases.execute(live.settings(), "create table candidate (id int primary key)");
            SchemaModel expected;
            try (Connection c = expectedDb.settings().open()) {
                expected = READER.read(c, List.of("public"));
            }
            otherRun.setAutoCommit(false);
            assertThat(FlywayLock.acquireForTransaction(otherRun, FlywayLock.key("public", RepairSettings.FLYWAY_HISTORY_TABLE),
                    Duration.ofSeconds(1))).isTrue();
            RepairSettings settings = RepairSettings.defaults().withLockTimeout(Duration.ofMillis(100))
                    .withStatementTimeout(Duration.ofMillis(500)).withWaitForOtherRun(Duration.ofMinutes(2));
            CompletableFuture<RepairOutcome> repair = CompletableFuture.supplyAsync(
                    () -> new RepairExecutor(READER).repair(live.settings(), expected, settings));

            // the server's clock says the repair has waited longer than its statement_timeout: a cut would have come by now
            Locks.until("the repair has waited past its statement_timeout",
                    () -> Locks.someoneWaitedForAnAdvisoryLockLongerThan(live.settings(), 1_500) || repair.isDone());
            assertThat(repair).as("still waiting, not cancelled by statement_timeout").isNotDone();
            otherRun.rollback();

            assertThat(repair.get(2, TimeUnit.MINUTES)).isInstanceOf(RepairOutcome.Applied.class);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
