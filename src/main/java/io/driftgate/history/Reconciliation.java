package io.driftgate.history;

import io.driftgate.model.SchemaModel;

import java.util.List;
import java.util.Optional;

/**
 * The decision for the pending migrations: the schema to repair the database to ({@code target}: where the
 * live schema stands in the replay, or just before a migration to run again), the migrations to record as
 * applied, those left for Flyway, and those a human must decide about. {@code afterRerun} is the schema
 * once a {@code --rerun} migration has run inside the repair transaction.
 */
public record Reconciliation(List<MigrationStatus> statuses, Optional<SchemaModel> target, Optional<SchemaModel> afterRerun) {

    public Reconciliation {
        statuses = List.copyOf(statuses);
    }

    public Reconciliation(List<MigrationStatus> statuses, Optional<SchemaModel> target) {
        this(statuses, target, Optional.empty());
    }

    public List<MigrationStatus> toRecord() {
        return statuses.stream().filter(MigrationStatus::toRecord).toList();
    }

    public List<MigrationStatus> unprovable() {
        return statuses.stream().filter(s -> s.status() == MigrationStatus.Status.UNPROVABLE).toList();
    }

    public List<MigrationStatus> leftToFlyway() {
        return statuses.stream().filter(s -> s.status() == MigrationStatus.Status.ABSENT).toList();
    }

    public boolean nothingToRecord() {
        return toRecord().isEmpty();
    }
}
