package io.driftgate.read.replay;

import io.driftgate.model.SchemaModel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One migration applied to the shadow, with the schema right after it, the statements Flyway executed for
 * it (as Flyway split them, placeholders replaced, in order), whether Flyway ran it in a transaction, and
 * the text of the script Flyway resolved it from (empty for a Java migration; see {@link ScriptText}).
 */
public record ReplayStep(ReplayedMigration migration, SchemaModel schemaAfter, List<String> statements, boolean transactional,
                         Optional<String> script) {

    public ReplayStep {
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(schemaAfter, "schemaAfter");
        // a step without its statements could not be checked for data changes: no such step exists
        statements = List.copyOf(Objects.requireNonNull(statements, "statements"));
        Objects.requireNonNull(script, "script");
    }
}
