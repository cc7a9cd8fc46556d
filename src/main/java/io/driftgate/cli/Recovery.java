package io.driftgate.cli;

import io.driftgate.apply.RepairSettings;
import io.driftgate.db.ConnectionSettings;
import io.driftgate.db.ConnectionTimeouts;
import io.driftgate.db.DatabaseUrl;
import io.driftgate.failure.DriftgateException;
import io.driftgate.history.MigrateOptions;
import io.driftgate.plan.Hazard;
import io.driftgate.read.replay.FlywaySettings;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns the shared options of plan, repair, migrate and check into the engine's settings. */
final class Recovery {

    private Recovery() {
    }

    static Set<Hazard> allowed(ReportOptions report) {
        EnumSet<Hazard> allowed = EnumSet.noneOf(Hazard.class);
        for (String name : report.allow) {
            allowed.add(Hazard.parse(name).orElseThrow(() -> DriftgateException.badInput(
                    "--allow " + name + " is not a hazard; use one of " + Hazard.names())));
        }
        return allowed;
    }

    /**
     * {@code --lock-timeout} and {@code --statement-timeout}, checked and ordered: lock_timeout &lt;
     * statement_timeout &lt; socket timeout (checked by {@link DatabaseOptions#timeouts}).
     */
    static RepairSettings waits(RecoveryOptions recovery) {
        Duration lock = Durations.parse("--lock-timeout", recovery.lockTimeout, ChronoUnit.MILLIS, Duration.ofMillis(1),
                Duration.ofMinutes(10));
        Duration statement = Durations.parse("--statement-timeout", recovery.statementTimeout, ChronoUnit.SECONDS,
                Duration.ofSeconds(1), Duration.ofHours(24));
        if (statement.compareTo(lock) <= 0) {
            throw DriftgateException.badInput("--statement-timeout " + Durations.show(statement) + " must be longer than --lock-timeout "
                    + Durations.show(lock) + ": a statement's wait for a lock is part of its run");
        }
        return RepairSettings.defaults().withLockTimeout(lock).withStatementTimeout(statement);
    }

    /** The target database with connect, login and socket timeouts that fit the statement timeout. */
    static ConnectionSettings target(DatabaseOptions database, RecoveryOptions recovery, Map<String, String> env) {
        ConnectionTimeouts timeouts = database.timeouts(waits(recovery).longestWait());
        return database.connection(env).withTimeouts(timeouts);
    }

    static MigrateOptions options(DatabaseOptions database, MigrationOptions migrations, ReportOptions report,
                                  RecoveryOptions recovery, Map<String, String> env) {
        RepairSettings repair = waits(recovery).allowing(allowed(report));
        ConnectionTimeouts timeouts = database.timeouts(repair.longestWait());
        Optional<ConnectionSettings> shadow = Optional.ofNullable(recovery.shadowUrl)
                .map(url -> DatabaseUrl.parse(url, Optional.empty(), Optional.empty(), env).withTimeouts(timeouts));
        FlywayConfigFiles.Loaded flyway = migrations.flywayConfiguration(env);
        FlywaySettings settings = flyway.settings();
        return new MigrateOptions(migrations.flywayLocations(flyway), database.schemas(),
                flyway.get("flyway.table").map(repair::withHistoryTable).orElse(repair), Set.copyOf(recovery.assumeApplied),
                Set.copyOf(recovery.rerun), shadow, recovery.shadowOnTarget, settings);
    }
}
