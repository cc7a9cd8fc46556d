package io.driftgate.history;

import io.driftgate.apply.RepairSettings;
import io.driftgate.db.ConnectionSettings;
import io.driftgate.read.replay.FlywaySettings;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code migrate} needs beyond the target: the Flyway locations and schemas (the first holds the
 * history), how repairs may behave, the user's word on unprovable migrations, and an optional shadow
 * ({@code shadowOnTarget}: replay in a temporary database on the target's server, see ShadowSource), and the
 * application's Flyway configuration, which both the replay and the target-side Flyway start from.
 */
public record MigrateOptions(
        List<String> locations,
        List<String> schemas,
        RepairSettings repair,
        Set<String> assumeApplied,
        Set<String> rerun,
        Optional<ConnectionSettings> shadowUrl,
        boolean shadowOnTarget,
        FlywaySettings flyway) {

    public MigrateOptions(List<String> locations, List<String> schemas, RepairSettings repair, Set<String> assumeApplied,
                          Set<String> rerun, Optional<ConnectionSettings> shadowUrl) {
        this(locations, schemas, repair, assumeApplied, rerun, shadowUrl, false, FlywaySettings.defaults());
    }

    public MigrateOptions {
        locations = List.copyOf(locations);
        schemas = List.copyOf(schemas);
        assumeApplied = Set.copyOf(assumeApplied);
        rerun = Set.copyOf(rerun);
        java.util.Objects.requireNonNull(flyway, "flyway");
    }

    /** The schema of Flyway's history table, which also decides Flyway's lock key: defaultSchema, else the first schema. */
    public String historySchema() {
        return flyway.historySchema(schemas);
    }

    public static MigrateOptions of(List<String> locations, List<String> schemas) {
        return new MigrateOptions(locations, schemas, RepairSettings.defaults(), Set.of(), Set.of(), Optional.empty());
    }

    public MigrateOptions withRepair(RepairSettings value) {
        return new MigrateOptions(locations, schemas, value, assumeApplied, rerun, shadowUrl, shadowOnTarget, flyway);
    }

    public MigrateOptions withAssumeApplied(Set<String> value) {
        return new MigrateOptions(locations, schemas, repair, value, rerun, shadowUrl, shadowOnTarget, flyway);
    }

    public MigrateOptions withRerun(Set<String> value) {
        return new MigrateOptions(locations, schemas, repair, assumeApplied, value, shadowUrl, shadowOnTarget, flyway);
    }

    public MigrateOptions withShadowOnTarget(boolean value) {
        return new MigrateOptions(locations, schemas, repair, assumeApplied, rerun, shadowUrl, value, flyway);
    }

    public MigrateOptions withShadowUrl(Optional<ConnectionSettings> value) {
        return new MigrateOptions(locations, schemas, repair, assumeApplied, rerun, value, shadowOnTarget, flyway);
    }

    public MigrateOptions withFlyway(FlywaySettings value) {
        return new MigrateOptions(locations, schemas, repair, assumeApplied, rerun, shadowUrl, shadowOnTarget, value);
    }
}
