package io.driftgate.cli;

import io.driftgate.db.ConnectionSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The PostgreSQL 15 at 127.0.0.1:5432 playing the user's server (a cluster apart from driftgate's embedded
 * one), with what the shadow tests compare before and after: roles, databases, comments.
 */
final class ShadowServer {

    static final ConnectionSettings ADMIN =
            new ConnectionSettings("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", Optional.empty());

    private ShadowServer() {
    }

    /** A new database on the user's server; the caller drops it with {@link #drop}. */
    static ConnectionSettings newDatabase(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        execute(ADMIN, "CREATE DATABASE " + name);
        return ADMIN.withDatabase(name);
    }

    static void drop(ConnectionSettings db) {
        execute(ADMIN, "DROP DATABASE IF EXISTS \"" + db.database() + "\" WITH (FORCE)");
    }

    static List<String> roles() {
        return column(ADMIN, "SELECT rolname FROM pg_roles ORDER BY 1");
    }

    static List<String> databases() {
        return column(ADMIN, "SELECT datname FROM pg_database ORDER BY 1");
    }

    /** Temporary shadow databases with their comment (the ownership marker, or none). */
    static Map<String, String> shadows() {
        Map<String, String> found = new java.util.TreeMap<>();
        try (Connection c = ADMIN.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT datname, coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database "
                        + "WHERE datname LIKE 'dg\\_shadow\\_%'")) {
            while (rs.next()) {
                found.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** A migrations folder; {@code scripts} alternate file name and content. A unique comment defeats the replay cache. */
    static Path migrations(String... scripts) throws IOException {
        Path dir = Files.createTempDirectory("driftgate-shadow-migrations");
        for (int i = 0; i < scripts.length; i += 2) {
            Files.writeString(dir.resolve(scripts[i]), "-- " + UUID.randomUUID() + "\n" + scripts[i + 1]);
        }
        return dir;
    }

    static void execute(ConnectionSettings db, String sql) {
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static List<String> column(ConnectionSettings db, String sql) {
        try (Connection c = db.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return List.copyOf(values);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
