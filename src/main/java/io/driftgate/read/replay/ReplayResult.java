package io.driftgate.read.replay;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.driftgate.model.SchemaModel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The expected schema by migration replay: the schema before any migration and after each one, in the
 * order Flyway applied them (versioned first, repeatables last).
 *
 * @param schemas   the schemas that were read
 * @param initial   the shadow right after Flyway created the schemas, before the first migration
 * @param steps     one entry per applied migration
 * @param fromCache whether this came from the replay cache instead of a shadow database
 */
public record ReplayResult(List<String> schemas, SchemaModel initial, List<ReplayStep> steps, boolean fromCache) {

    public ReplayResult {
        schemas = List.copyOf(schemas);
        Objects.requireNonNull(initial, "initial");
        steps = List.copyOf(steps);
    }

    /** The migrations Flyway resolved and applied, in order. */
    @JsonIgnore
    public List<ReplayedMigration> migrations() {
        return steps.stream().map(ReplayStep::migration).toList();
    }

    /** The schema after every migration, repeatables included. */
    @JsonIgnore
    public SchemaModel finalSchema() {
        return steps.isEmpty() ? initial : steps.get(steps.size() - 1).schemaAfter();
    }

    /** The step of versioned migration {@code version} (e.g. {@code "2"} or {@code "1.1"}). */
    public Optional<ReplayStep> step(String version) {
        return steps.stream().filter(s -> s.migration().version().equals(Optional.of(version))).findFirst();
    }

    /** The schema right after {@code version}. */
    public Optional<SchemaModel> schemaAfter(String version) {
        return step(version).map(ReplayStep::schemaAfter);
    }

    /** The schema just before {@code version} ran: the difference to {@link #schemaAfter} is what it adds. */
    public Optional<SchemaModel> schemaBefore(String version) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).migration().version().equals(Optional.of(version))) {
                return Optional.of(i == 0 ? initial : steps.get(i - 1).schemaAfter());
            }
        }
        return Optional.empty();
    }

    ReplayResult withFromCache(boolean value) {
        return new ReplayResult(schemas, initial, steps, value);
    }
}
