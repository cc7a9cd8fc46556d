package io.driftgate.read.replay;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.failure.DriftgateException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A shadow database the user gave ({@code --shadow-url}). It must be empty, because the replay starts
 * from nothing; afterwards Flyway's clean removes what the replay created, and the database stays.
 */
public record GivenShadow(ConnectionSettings database) implements ShadowSource {

    private static final String USER_RELATIONS = """
            SELECT n.nspname || '.' || c.relname
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
            ORDER BY 1 LIMIT 5""";

    public GivenShadow {
        Objects.requireNonNull(database, "database");
    }

    @Override
    public ConnectionSettings probe() {
        return database;
    }

    @Override
    public Shadow open() {
        List<String> found = relations();
        if (!found.isEmpty()) {
            throw DriftgateException.badInput("The shadow database " + database + " is not empty (it has "
                    + String.join(", ", found) + (found.size() == 5 ? ", …" : "")
                    + "); give --shadow-url an empty database, or leave it out to use a temporary one.");
        }
        return new Shadow() {
            @Override
            public ConnectionSettings settings() {
                return database;
            }

            @Override
            public String description() {
                return "the given shadow database " + database;
            }

            @Override
            public boolean keepsDatabase() {
                return true;
            }

            @Override
            public void close() {
                // the database is the user's: MigrationReplay cleans its content with Flyway
            }
        };
    }

    @Override
    public String description() {
        return "the given shadow database " + database;
    }

    private List<String> relations() {
        try (Connection c = database.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(USER_RELATIONS)) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return List.copyOf(names);
        } catch (SQLException e) {
            throw DriftgateException.database("Could not read the shadow database " + database + ": " + e.getMessage(), e);
        }
    }
}
