package io.driftgate.read.replay;

import org.flywaydb.core.api.MigrationInfo;

import java.util.Objects;
import java.util.Optional;

/**
 * Flyway's own description of one resolved migration: what a later step needs to record it as applied.
 * {@code version} is empty for a repeatable ({@code R__}) migration; {@code checksum} is empty when Flyway
 * has none (Java migrations without one).
 */
public record ReplayedMigration(
        Optional<String> version,
        String description,
        String script,
        Optional<Integer> checksum,
        String type) {

    public ReplayedMigration {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(type, "type");
    }

    /** From the resolved (not the applied) side of a Flyway {@link MigrationInfo}. */
    static ReplayedMigration of(MigrationInfo info) {
        return new ReplayedMigration(
                Optional.ofNullable(info.getVersion()).map(Object::toString),
                info.getDescription(),
                info.getScript(),
                Optional.ofNullable(info.getChecksum()),
                info.getType().name());
    }

    public boolean isRepeatable() {
        return version.isEmpty();
    }

    /** For people: {@code V2 add column (V2__add_column.sql)} or {@code R view (R__view.sql)}. */
    public String label() {
        return version.map(v -> "V" + v).orElse("R") + " " + description + " (" + script + ")";
    }
}
