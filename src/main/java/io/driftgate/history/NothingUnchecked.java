package io.driftgate.history;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.failure.DriftgateException;
import io.driftgate.model.SchemaModel;
import io.driftgate.read.replay.ReplayResult;
import io.driftgate.read.replay.ReplayedMigration;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A gate must never pass having checked nothing: input that names nothing real (a schema that exists
 * neither in the database nor in the migrations, a version no migration has) is refused with exit 3
 * instead of being silently ignored.
 */
public final class NothingUnchecked {

    private NothingUnchecked() {
    }

    /** Every {@code --schemas} entry must hold something in the replay or exist in the target. */
    public static void requireSchemasChecked(List<String> schemas, ReplayResult replay, Optional<ConnectionSettings> target) {
        SchemaModel expected = replay.finalSchema();
        List<String> unknown = schemas.stream().filter(s -> !holdsObjects(expected, s)).toList();
        if (unknown.isEmpty()) {
            return;
        }
        Set<String> existing = target.map(t -> existingSchemas(t, unknown)).orElse(Set.of());
        List<String> nowhere = unknown.stream().filter(s -> !existing.contains(s)).toList();
        if (!nowhere.isEmpty()) {
            throw DriftgateException.badInput("--schemas names " + String.join(", ", nowhere) + ", which "
                    + (target.isPresent() ? "exists neither in the database nor in what the migrations create"
                    : "the migrations create nothing in")
                    + ", so nothing there would be checked. Schema names are case-sensitive; list the schemas your migrations use "
                    + "(default public).");
        }
    }

    /**
     * Resolves {@code --assume-applied} and {@code --rerun} to the versions of real versioned migrations, as Flyway spells
     * them ({@code 7.0} finds {@code V7}); a value that names none is exit 3.
     */
    public static MigrateOptions resolveVersions(MigrateOptions options, ReplayResult replay) {
        List<ReplayedMigration> versioned = replay.migrations().stream().filter(m -> !m.isRepeatable()).toList();
        return options.withAssumeApplied(resolve("--assume-applied", options.assumeApplied(), versioned))
                .withRerun(resolve("--rerun", options.rerun(), versioned));
    }

    private static Set<String> resolve(String option, Set<String> given, List<ReplayedMigration> versioned) {
        Set<String> resolved = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String value : given) {
            Optional<MigrationVersion> version = parse(value.strip().replaceFirst("^[Vv]", ""));
            Optional<String> match = version.flatMap(v -> versioned.stream().map(m -> m.version().orElseThrow())
                    .filter(mv -> MigrationVersion.fromVersion(mv).compareTo(v) == 0).findFirst());
            match.ifPresentOrElse(resolved::add, () -> unknown.add(value));
        }
        if (!unknown.isEmpty()) {
            List<String> known = versioned.stream().map(m -> m.version().orElseThrow()).toList();
            throw DriftgateException.badInput(option + " " + String.join(",", unknown) + " names no versioned migration at the "
                    + "given locations (their versions: " + (known.isEmpty() ? "none" : String.join(", ", known))
                    + "); give the version of a migration, e.g. " + option + " " + (known.isEmpty() ? "7" : known.get(known.size() - 1)) + ".");
        }
        return Set.copyOf(resolved);
    }

    private static Optional<MigrationVersion> parse(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MigrationVersion.fromVersion(value));
        } catch (FlywayException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean holdsObjects(SchemaModel model, String schema) {
        return model.tables().stream().anyMatch(t -> t.name().schema().equals(schema))
                || model.enumTypes().stream().anyMatch(e -> e.name().schema().equals(schema))
                || model.sequences().stream().anyMatch(s -> s.name().schema().equals(schema));
    }

    private static Set<String> existingSchemas(ConnectionSettings target, List<String> names) {
        try (Connection c = target.open();
             PreparedStatement ps = c.prepareStatement("SELECT nspname FROM pg_namespace WHERE nspname = ANY (?)")) {
            Array array = c.createArrayOf("text", names.toArray());
            ps.setArray(1, array);
            Set<String> found = new LinkedHashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        } catch (SQLException e) {
            throw DriftgateException.database("Could not read the schemas of " + target + ": " + e.getMessage(), e);
        }
    }
}
