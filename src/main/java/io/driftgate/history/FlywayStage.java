package io.driftgate.history;

import io.driftgate.apply.RepairSettings;
import io.driftgate.db.ConnectionSettings;
import io.driftgate.db.LockHolders;
import io.driftgate.db.LockRetry;
import io.driftgate.db.SettingsDataSource;
import io.driftgate.failure.DriftgateException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Flyway stage of {@code migrate} with every wait bounded, as driftgate's own repairs are: Flyway's
 * connections come from {@link ConnectionSettings#open()} (connect, login and socket timeouts) and start
 * with {@code lock_timeout} and {@code statement_timeout}; Flyway waits for another deploy's migration
 * lock as long as driftgate does; a migration whose table lock is not granted is rolled back and the
 * migrate retried with the shared back-off, so live traffic never queues behind a migration's ALTER
 * for longer than {@code lock_timeout}.
 */
final class FlywayStage {

    private FlywayStage() {
    }

    /** Connections, session timeouts and Flyway's own lock retries for {@code target}. */
    static FluentConfiguration bounded(FluentConfiguration configuration, ConnectionSettings target, RepairSettings settings) {
        return configuration
                .dataSource(new SettingsDataSource(target, Optional.of("SET lock_timeout = " + settings.lockRetry().setting()
                        + "; SET statement_timeout = '" + settings.statementTimeout().toMillis() + "ms'")))
                // Flyway 13 tries pg_try_advisory_lock once a second: as many tries as driftgate's own wait lasts
                .lockRetryCount((int) Math.max(1, settings.waitForOtherRun().toSeconds()));
    }

    /**
     * Runs Flyway migrate, retrying after a lock timeout. Flyway runs each migration in its own
     * transaction, so the one that waited was rolled back whole and a retry is safe; one that runs
     * outside a transaction ({@code executeInTransaction=false}) may have done part of its work, so it is
     * not retried. {@code changedBefore}: whether this run already committed something.
     */
    static int migrate(Flyway flyway, ConnectionSettings target, MigrateOptions options, Consumer<String> say,
                       boolean changedBefore) {
        LockRetry retry = options.repair().lockRetry();
        int[] ranInFailedAttempts = {0};
        try {
            int ran = retry.run("Flyway migrate", attempt -> {
                if (attempt > 1) {
                    say.accept("  a migration waited longer than lock_timeout (" + retry.lockTimeout().toMillis()
                            + " ms) for a table lock and was rolled back; retrying (attempt " + attempt + " of " + retry.attempts() + ")");
                }
                try {
                    return flyway.migrate().migrationsExecuted;
                } catch (FlywayMigrateException e) {
                    ranInFailedAttempts[0] += e.getErrorResult() == null ? 0 : e.getErrorResult().migrationsExecuted;
                    if (LockRetry.isLockNotAvailable(e) && !e.isExecutableInTransaction()) {
                        // no cause: this one must not be retried
                        throw DriftgateException.database(migration(e) + " runs outside a transaction and waited longer than "
                                + "lock_timeout for a table lock: part of it may have run and Flyway may have recorded it as failed. "
                                + LockHolders.describeIn(target, options.schemas(), false)
                                + " Check what it did, run `flyway repair` if its history row is marked failed, and rerun.", null);
                    }
                    throw e;
                }
            }, (last, attempts) -> {
                boolean changed = changedBefore || ranInFailedAttempts[0] > 0;
                return DriftgateException.database("Flyway migrate: " + migration(last) + " waited for a table lock " + attempts
                        + " times (lock_timeout " + retry.lockTimeout().toMillis() + " ms each) and was rolled back each time. "
                        + LockHolders.describeIn(target, options.schemas(), false)
                        + (changed ? " What this run committed before that migration is consistent and stays; rerun to apply the rest"
                        : " Nothing was changed; rerun") + " at a quieter time or raise --lock-timeout.", last);
            });
            return ran + ranInFailedAttempts[0];
        } catch (SQLException e) {
            throw DriftgateException.database("Flyway migrate failed: " + e.getMessage(), e);
        }
    }

    private static String migration(Exception e) {
        Optional<MigrationInfo> info = e instanceof FlywayMigrateException m ? Optional.ofNullable(m.getMigration()) : Optional.empty();
        return info.map(i -> "migration " + (i.getVersion() == null ? "" : "V" + i.getVersion() + " ") + "(" + i.getScript() + ")")
                .orElse("a migration");
    }
}
