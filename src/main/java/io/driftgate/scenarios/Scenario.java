package io.driftgate.scenarios;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A named drifted starting state and the expected outcome of {@code driftgate migrate} on it, as kept
 * in {@code fixtures/scenarios/NAME/scenario.yaml}. Paths are resolved when loaded.
 */
public record Scenario(
        String name,
        Path folder,
        String description,
        List<Path> migrations,
        List<String> schemas,
        List<StartStep> start,
        Run run,
        Expectation expect,
        List<Survivor> survive) {

    public Scenario {
        migrations = List.copyOf(migrations);
        schemas = List.copyOf(schemas);
        start = List.copyOf(start);
        survive = List.copyOf(survive);
    }

    /** The Flyway locations users would pass: {@code filesystem:} and an absolute folder each. */
    public List<String> locations() {
        return migrations.stream().map(m -> "filesystem:" + m.toAbsolutePath().normalize()).toList();
    }

    /**
     * What the scenario runs: {@code migrate} with the user's words on unprovable migrations and hazards,
     * once or several times at once, or killed while its repair waits for a lock on a table.
     */
    public record Run(Set<String> assumeApplied, Set<String> rerun, Set<String> allow, int deploysAtOnce,
                      Optional<String> killWhileWaitingOn) {
        public Run {
            assumeApplied = Set.copyOf(assumeApplied);
            rerun = Set.copyOf(rerun);
            allow = Set.copyOf(allow);
        }
    }

    /** An object that must still exist after the run, e.g. an extra column the migrations don't know. */
    public record Survivor(Kind kind, String schema, String table, String column) {
        public enum Kind { TABLE, COLUMN, INDEX }

        @Override
        public String toString() {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + schema + "." + table + (column.isEmpty() ? "" : "." + column);
        }
    }
}
