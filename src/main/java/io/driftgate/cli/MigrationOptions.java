package io.driftgate.cli;

import io.driftgate.read.replay.FlywaySettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --locations}: where the Flyway migrations are; {@code --placeholder}, {@code --classpath},
 * {@code --flyway-config}: the rest of the application's Flyway configuration (see {@link FlywayConfigFiles}).
 */
final class MigrationOptions {

    static final String DEFAULT_LOCATION = "filesystem:src/main/resources/db/migration";

    @Option(names = "--locations", split = ",", paramLabel = "LOCATION",
            description = "Flyway locations; a bare path means filesystem: (default: flyway.locations from the Flyway "
                    + "configuration, else " + DEFAULT_LOCATION + ")")
    List<String> locations;

    @Option(names = "--placeholder", paramLabel = "KEY=VALUE",
            description = "a Flyway placeholder value, as flyway.placeholders.KEY; repeatable. Overrides flyway.conf and FLYWAY_PLACEHOLDERS_*")
    List<String> placeholders = List.of();

    @Option(names = "--classpath", split = ",", paramLabel = "DIR|JAR",
            description = "the application's classes folder or jar: where classpath: locations (e.g. classpath:db/migration) "
                    + "and Java migrations are found")
    List<Path> classpath = List.of();

    @Option(names = "--flyway-config", paramLabel = "FILE|none",
            description = "the flyway.conf to read (default: ~/flyway.conf and ./flyway.conf, as Flyway's CLI; FLYWAY_* "
                    + "variables are read too); none reads no file. flyway.toml is not read: driftgate stops when it finds one")
    String flywayConfig;

    /** The application's Flyway configuration for {@code env} and the working directory. */
    FlywayConfigFiles.Loaded flywayConfiguration(Map<String, String> env) {
        return FlywayConfigFiles.load(Optional.ofNullable(flywayConfig), placeholders, classpath, env,
                Path.of(System.getProperty("user.dir")));
    }

    FlywaySettings flywaySettings(Map<String, String> env) {
        return flywayConfiguration(env).settings();
    }

    /** Flyway syntax: a bare path gets {@code filesystem:}. Without --locations: flyway.locations, else the default. */
    List<String> flywayLocations(FlywayConfigFiles.Loaded configuration) {
        List<String> given = locations != null && !locations.isEmpty() ? locations
                : configuration.get("flyway.locations").map(l -> Arrays.stream(l.split(",")).map(String::strip).toList())
                .orElse(List.of(DEFAULT_LOCATION));
        return given.stream().map(l -> l.matches("^[a-z]+:.*") ? l : "filesystem:" + l).toList();
    }

    List<String> flywayLocations() {
        List<String> given = locations != null && !locations.isEmpty() ? locations : List.of(DEFAULT_LOCATION);
        return given.stream().map(l -> l.matches("^[a-z]+:.*") ? l : "filesystem:" + l).toList();
    }
}
