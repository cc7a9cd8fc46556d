package io.driftgate.read.replay;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.failure.DriftgateException;
import io.driftgate.providers.PostgresServer;
import io.driftgate.providers.SharedPostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Where a replay gets its shadow database. In order of preference: the database the user named with
 * {@code --shadow-url}; a temporary database on the target server when the role may create one; a
 * temporary database on the embedded/shared provider.
 */
public sealed interface ShadowSource permits GivenShadow, TemporaryShadow {

    /** A database on the shadow's server to ask questions of (version, Flyway info) without changing it. */
    ConnectionSettings probe();

    /** Creates (or checks) the shadow. The caller closes it, also on failure. */
    Shadow open();

    /** For people, e.g. {@code temporary database on the target server jdbc:postgresql://…}. */
    String description();

    /** The user's shadow database; refused unless it is empty. */
    static ShadowSource given(ConnectionSettings database) {
        return new GivenShadow(database);
    }

    /** A temporary {@code dg_shadow_…} database on the server behind {@code admin}. */
    static ShadowSource temporaryOn(ConnectionSettings admin, String description) {
        return new TemporaryShadow(admin, description);
    }

    /** A temporary database on the JVM's shared provider (embedded PostgreSQL or a container). */
    static ShadowSource shared() {
        return shared(Optional.empty(), "");
    }

    /** On the provider's server of the target's major (a 13 target replays on 13), else of the default major. */
    private static ShadowSource shared(Optional<ConnectionSettings> target, String why) {
        PostgresServer server = target.map(SharedPostgres::serverMatching).orElseGet(SharedPostgres::server);
        return new TemporaryShadow(server.admin(), "the local PostgreSQL provider (" + server.description() + ")" + why);
    }

    /** {@code --shadow-url} if given; else the target server if the role may create databases; else the shared provider. */
    static ShadowSource choose(Optional<ConnectionSettings> shadowUrl, Optional<ConnectionSettings> target) {
        if (shadowUrl.isPresent()) {
            return given(shadowUrl.get());
        }
        if (target.isPresent() && mayCreateDatabases(target.get())) {
            return temporaryOn(target.get(), "the target server " + target.get()
                    + ", whose role may create databases (no --shadow-url given)");
        }
        return shared(target, target.isPresent()
                ? ", because no --shadow-url was given and the target role may not create databases"
                : ", because no --shadow-url or target database was given");
    }

    /** Whether the role is a superuser or has CREATEDB; false when the server cannot be reached; a failed login is an error. */
    static boolean mayCreateDatabases(ConnectionSettings settings) {
        try (Connection c = settings.open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT rolsuper OR rolcreatedb FROM pg_roles WHERE rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith(INVALID_AUTHORIZATION)) {
                throw DriftgateException.database("Could not log in to " + settings + ": " + e.getMessage(), e);
            }
            return false;
        }
    }

    /** SQLSTATE class 28: wrong password, no password, no such role. */
    String INVALID_AUTHORIZATION = "28";

    /** {@code server_version_num / 10000}; refuses servers older than PostgreSQL 13. */
    static int serverMajorVersion(ConnectionSettings settings) {
        int major;
        try (Connection c = settings.open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version_num")) {
            rs.next();
            major = Integer.parseInt(rs.getString(1).trim()) / 10000;
        } catch (SQLException e) {
            throw DriftgateException.database("Could not connect to the shadow server " + settings + ": "
                    + e.getMessage(), e);
        }
        requireSupported(major, settings.toString());
        return major;
    }

    /** The catalog queries and {@code DROP DATABASE … WITH (FORCE)} need PostgreSQL 13 or newer. */
    static void requireSupported(int major, String server) {
        if (major < 13) {
            throw DriftgateException.badInput("The shadow server " + server + " runs PostgreSQL " + major
                    + "; migration replay requires PostgreSQL 13+.");
        }
    }
}
