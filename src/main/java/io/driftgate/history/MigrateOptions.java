package io.driftgate.history;

import io.driftgate.apply.RepairSettings;
import io.driftgate.db.ConnectionSettings;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code migrate} needs beyond the target: the Flyway locations and schemas (the first holds the
 * history), how repairs may behave, the user's word on unprovable migrations, and an optional shadow
 * ({@code shadowOnTarget}: replay in a temporary database on the target's server, see ShadowSource).
 */
public record MigrateOptions(
        List<String> locations,
        List<String> schemas,
        RepairSettings repair,
        Set<String> assumeApplied,
        Set<String> rerun,
        Optional<ConnectionSettings> shadowUrl,
        boolean shadowOnTarget) {

    public MigrateOptions(List<String> locations, List<String> schemas, RepairSettings repair, Set<String> assumeApplied,
                          Set<String> rerun, Optional<ConnectionSettings> shadowUrl) {
        this(locations, schemas, repair, assumeApplied, rerun, shadowUrl, false);
    }

    public MigrateOptions {
        locations = List.copyOf(locations);
        schemas = List.copyOf(schemas);
        assumeApplied = Set.copyOf(assumeApplied);
        rerun = Set.copyOf(rerun);
    }

    public static MigrateOptions of(List<String> locations, List<String> schemas) {
        return new MigrateOptions(locations, schemas, RepairSettings.defaults(), Set.of(), Set.of(), Optional.empty());
    }

    public MigrateOptions withRepair(RepairSettings value) {
        return new MigrateOptions(locations, schemas, value, assumeApplied, rerun, shadowUrl, shadowOnTarget);
    }

    public MigrateOptions withAssumeApplied(Set<String> value) {
        return new MigrateOptions(locations, schemas, repair, value, rerun, shadowUrl, shadowOnTarget);
    }

    public MigrateOptions withRerun(Set<String> value) {
        return new MigrateOptions(locations, schemas, repair, assumeApplied, value, shadowUrl, shadowOnTarget);
    }

    public MigrateOptions withShadowOnTarget(boolean value) {
        return new MigrateOptions(locations, schemas, repair, assumeApplied, rerun, shadowUrl, value);
    }

    public MigrateOptions withShadowUrl(Optional<ConnectionSettings> value) {
        return new MigrateOptions(locations, schemas, repair, assumeApplied, rerun, value, shadowOnTarget);
    }
}
