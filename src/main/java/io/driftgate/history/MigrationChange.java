package io.driftgate.history;

import io.driftgate.model.SchemaModel;
import io.driftgate.read.replay.ReplayedMigration;

/** A versioned migration with the schema before and after it, as the migration replay built them, and its SQL. */
public record MigrationChange(ReplayedMigration migration, SchemaModel before, SchemaModel after, String sql) {
}
