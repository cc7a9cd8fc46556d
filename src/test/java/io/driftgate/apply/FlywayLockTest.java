package io.driftgate.apply;

import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.testing.Locks;
import io.driftgate.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** driftgate's lock is Flyway's lock: while driftgate holds it, a real Flyway migrate waits. */
class FlywayLockTest {

    @Test
    void flywayWaitsWhileDriftgateHoldsTheLock(@TempDir Path migrations) throws Exception {
        Files.writeString(migrations.resolve("V1__create.sql"), "create table candidate (id int primary key);");
        try (ThrowawayDatabase db = TestDatabases.fresh(); Connection holder = db.settings().open()) {
            holder.setAutoCommit(false);
            long key = FlywayLock.key("public", "flyway_schema_history");
            assertThat(FlywayLock.acquireForTransaction(holder, key, Duration.ofSeconds(5))).isTrue();

            Flyway flyway = Flyway.configure()
                    .dataSource(db.settings().jdbcUrl(), db.settings().user(), db.settings().password().orElse(null))
                    .locations("filesystem:" + migrations).load();
            CompletableFuture<Integer> migrate = CompletableFuture.supplyAsync(() -> flyway.migrate().migrationsExecuted);

            // Flyway 13 polls pg_try_advisory(_xact)_lock once a second: its session shows it has tried
            Locks.until("Flyway tries for the lock", () -> Locks.someoneRan(db.settings(), "pg_try_advisory"));
            assertThat(migrate).as("Flyway must wait for driftgate's lock").isNotDone();
            try (Connection observer = db.settings().open()) {
                assertThat(FlywayLock.isHeld(observer, key)).isTrue();
            }

            holder.rollback();
            assertThat(migrate.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        }
    }

    @Test
    void aSecondRunGivesUpAfterItsWait() throws Exception {
        try (ThrowawayDatabase db = TestDatabases.fresh(); Connection first = db.settings().open();
             Connection second = db.settings().open()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            long key = FlywayLock.key("public", "flyway_schema_history");
            assertThat(FlywayLock.acquireForTransaction(first, key, Duration.ofSeconds(1))).isTrue();
            assertThat(FlywayLock.acquireForTransaction(second, key, Duration.ofMillis(300))).isFalse();
            second.rollback();
            first.rollback();
        }
    }

    @Test
    void keyDependsOnSchemaAndTable() {
        assertThat(FlywayLock.key("public", "flyway_schema_history")).isNotEqualTo(FlywayLock.key("billing", "flyway_schema_history"));
        assertThat(FlywayLock.key("public", "flyway_schema_history"))
                .isEqualTo(77431708279161L + "\"public\".\"flyway_schema_history\"".hashCode());
    }
}
