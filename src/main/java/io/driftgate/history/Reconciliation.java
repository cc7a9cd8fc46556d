package io.driftgate.history;

import io.driftgate.model.SchemaModel;

import java.util.List;
import java.util.Optional;

/**
 * The decision for the pending migrations: the schema to repair the database to ({@code target}, the
 * schema after the last migration whose effects are present), the migrations to record as applied,
 * those left for Flyway, and those a human must decide about.
 */
public record Reconciliation(List<MigrationStatus> statuses, Optional<SchemaModel> target) {

    public Reconciliation {
        statuses = List.copyOf(statuses);
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
