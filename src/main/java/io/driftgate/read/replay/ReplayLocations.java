package io.driftgate.read.replay;

import io.driftgate.failure.DriftgateException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Flyway locations as the user gave them, checked before Flyway sees them: Flyway only warns about a
 * location it cannot find and then replays nothing, which would look like an empty expected schema.
 */
final class ReplayLocations {

    private static final String FILESYSTEM = "filesystem:";
    private static final String CLASSPATH = "classpath:";

    private ReplayLocations() {
    }

    /** Each location in Flyway syntax ({@code filesystem:} added to a bare path), checked to be readable. */
    static List<String> checked(List<String> locations) {
        return checked(locations, Thread.currentThread().getContextClassLoader());
    }

    /** As above; {@code classpath:} locations are looked up with {@code loader}, the one Flyway will use. */
    static List<String> checked(List<String> locations, ClassLoader loader) {
        if (locations.isEmpty()) {
            throw DriftgateException.badInput("No migration locations given: name at least one with --locations.");
        }
        return locations.stream().map(l -> checked(l, loader)).toList();
    }

    private static String checked(String location, ClassLoader loader) {
        if (location.startsWith(CLASSPATH)) {
            String path = location.substring(CLASSPATH.length()).replaceFirst("^/+", "");
            if (loader.getResource(path.isEmpty() ? "." : path) == null) {
                throw DriftgateException.badInput("The migration location " + location
                        + " is not on the classpath; check --locations, and give the application's classes folder or jar with --classpath.");
            }
            return location;
        }
        if (location.contains(":") && !location.startsWith(FILESYSTEM) && !location.matches("^[A-Za-z]:[\\\\/].*")) {
            // s3:, gcs:, … need Flyway extensions driftgate does not ship
            throw DriftgateException.badInput("The migration location " + location
                    + " is not supported; use filesystem:PATH or classpath:PATH.");
        }
        String path = location.startsWith(FILESYSTEM) ? location.substring(FILESYSTEM.length()) : location;
        Path dir = Path.of(path);
        if (!Files.isDirectory(dir)) {
            throw DriftgateException.badInput("The migration location " + location + " does not exist or is not a "
                    + "directory (" + dir.toAbsolutePath() + "); check --locations.");
        }
        if (!Files.isReadable(dir)) {
            throw DriftgateException.badInput("The migration location " + location + " is not readable ("
                    + dir.toAbsolutePath() + ").");
        }
        return FILESYSTEM + path;
    }
}
