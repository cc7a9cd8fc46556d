package io.driftgate.history;

import io.driftgate.read.replay.ReplayedMigration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The text of a migration script, found in the Flyway locations it was resolved from. */
public final class MigrationScripts {

    private final List<String> locations;
    private final ClassLoader classLoader;

    public MigrationScripts(List<String> locations, ClassLoader classLoader) {
        this.locations = List.copyOf(locations);
        this.classLoader = classLoader;
    }

    public Optional<String> text(ReplayedMigration migration) {
        for (String location : locations) {
            Optional<String> found = location.startsWith("classpath:")
                    ? fromClasspath(location.substring("classpath:".length()), migration.script())
                    : fromFilesystem(location.startsWith("filesystem:") ? location.substring("filesystem:".length()) : location,
                    migration.script());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fromFilesystem(String directory, String script) {
        Path direct = Path.of(directory, script);
        if (Files.isRegularFile(direct)) {
            return read(direct);
        }
        // Flyway reports scripts in sub-folders by their file name on some versions: search below the location
        try (var files = Files.walk(Path.of(directory))) {
            return files.filter(p -> p.getFileName().toString().equals(Path.of(script).getFileName().toString()))
                    .findFirst().flatMap(MigrationScripts::read);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<String> fromClasspath(String folder, String script) {
        String base = folder.startsWith("/") ? folder.substring(1) : folder;
        try (InputStream in = classLoader.getResourceAsStream(base.isEmpty() ? script : base + "/" + script)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
