package io.driftgate.cli;

import io.driftgate.apply.RepairSettings;
import io.driftgate.db.ConnectionSettings;
import io.driftgate.db.DatabaseUrl;
import io.driftgate.failure.DriftgateException;
import io.driftgate.history.MigrateOptions;
import io.driftgate.plan.Hazard;

import java.time.Duration;
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

    static MigrateOptions options(DatabaseOptions database, MigrationOptions migrations, ReportOptions report,
                                  RecoveryOptions recovery, Map<String, String> env) {
        RepairSettings repair = RepairSettings.defaults().allowing(allowed(report))
                .withLockTimeout(Duration.ofMillis(recovery.lockTimeoutMillis));
        Optional<ConnectionSettings> shadow = Optional.ofNullable(recovery.shadowUrl)
                .map(url -> DatabaseUrl.parse(url, Optional.empty(), Optional.empty(), env));
        return new MigrateOptions(migrations.flywayLocations(), database.schemas(), repair, Set.copyOf(recovery.assumeApplied),
                Set.copyOf(recovery.rerun), shadow, recovery.shadowOnTarget);
    }
}
