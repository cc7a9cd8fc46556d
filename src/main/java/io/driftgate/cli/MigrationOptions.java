package io.driftgate.cli;

import picocli.CommandLine.Option;

import java.util.List;

/** {@code --locations}: where the Flyway migrations are. */
final class MigrationOptions {

    @Option(names = "--locations", split = ",", paramLabel = "LOCATION",
            defaultValue = "filesystem:src/main/resources/db/migration",
            description = "Flyway locations; a bare path means filesystem: (default: ${DEFAULT-VALUE})")
    List<String> locations;

    /** Flyway syntax: a bare path gets {@code filesystem:}. */
    List<String> flywayLocations() {
        return locations.stream().map(l -> l.matches("^[a-z]+:.*") ? l : "filesystem:" + l).toList();
    }
}
