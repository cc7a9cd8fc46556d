package io.driftgate.read.replay;

import io.driftgate.model.SchemaModel;

import java.util.Objects;

/** One migration applied to the shadow, with the schema right after it. */
public record ReplayStep(ReplayedMigration migration, SchemaModel schemaAfter) {

    public ReplayStep {
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(schemaAfter, "schemaAfter");
    }
}
