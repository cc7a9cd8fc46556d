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

    /**
     * Every {@code --schemas} entry must hold something in the replay or exist in the target (else exit 3). Returns warnings:
     * a schema the target lacks while other schemas there hold tables is often a typo ({@code pubilc}), though a new schema
     * beside others is legitimate, as it is for Flyway.
     */
    public static List<String> requireSchemasChecked(List<String> schemas, ReplayResult replay, Optional<ConnectionSettings> target) {
        SchemaModel expected = replay.finalSchema();
        List<String> warnings = target.map(t -> missingFromTarget(t, schemas)).orElse(List.of());
        List<String> unknown = schemas.stream().filter(s -> !holdsObjects(expected, s)).toList();
        if (unknown.isEmpty()) {
            return warnings;
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
        return warnings;
    }

    private static List<String> missingFromTarget(ConnectionSettings target, List<String> schemas) {
        Set<String> existing = existingSchemas(target, schemas);
        List<String> missing = schemas.stream().filter(s -> !existing.contains(s)).toList();
        if (missing.isEmpty()) {
            return List.of();
        }
        List<String> elsewhere = schemasWithTables(target);
        if (elsewhere.isEmpty()) {
            return List.of();
        }
        return List.of("WARNING: the database has no schema " + String.join(", ", missing) + " (the migrations would create it), "
                + "but " + String.join(", ", elsewhere) + " there hold tables: if --schemas is mistyped, everything below is judged "
                + "against the wrong schema.");
    }

    private static List<String> schemasWithTables(ConnectionSettings target) {
        try (Connection c = target.open(); PreparedStatement ps = c.prepareStatement("SELECT DISTINCT n.nspname FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN "
                + "('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1 LIMIT 5");
             ResultSet rs = ps.executeQuery()) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return List.copyOf(names);
        } catch (SQLException e) {
            throw DriftgateException.database("Could not read the schemas of " + target + ": "
                    + io.driftgate.db.ConnectionTimeouts.explain(target, e), e);
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
            throw DriftgateException.database("Could not read the schemas of " + target + ": "
                    + io.driftgate.db.ConnectionTimeouts.explain(target, e), e);
        }
    }
}
