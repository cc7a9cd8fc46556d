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
 * Where a replay gets its shadow database: the database the user named with {@code --shadow-url}; else a
 * temporary database in driftgate's own PostgreSQL (the shared provider: embedded or a container), so that
 * {@code plan} and {@code check} change nothing on the user's server; a temporary database on the target's
 * server only when the user asks ({@code --shadow-on-target}), and then migrations with statements that act
 * on the whole server are refused before anything runs.
 */
public sealed interface ShadowSource permits GivenShadow, TemporaryShadow {

    /** A database on the shadow's server to ask questions of (version, Flyway info) without changing it. */
    ConnectionSettings probe();

    /** Creates (or checks) the shadow. The caller closes it, also on failure. */
    Shadow open();

    /** For people, e.g. {@code temporary database on the target server jdbc:postgresql://…}. */
    String description();

    /** Whether the shadow shares the target's server, so a cluster-wide statement would change the target's. */
    boolean onTargetServer();

    /** The user's shadow database; refused unless it is empty. */
    static ShadowSource given(ConnectionSettings database) {
        return new GivenShadow(database, false);
    }

    /** A temporary {@code dg_shadow_…} database on the target's server (the user asked for it). */
    static ShadowSource temporaryOn(ConnectionSettings admin, String description) {
        return new TemporaryShadow(admin, description, true);
    }

    /** A temporary database on the JVM's shared provider (embedded PostgreSQL or a container). */
    static ShadowSource shared() {
        return shared(Optional.empty(), "");
    }

    /** On the provider's server of the target's major (a 13 target replays on 13), else of the default major. */
    private static ShadowSource shared(Optional<ConnectionSettings> target, String why) {
        PostgresServer server = target.map(SharedPostgres::serverMatching).orElseGet(SharedPostgres::server);
        // an external provider can be the target's own server: then its server-wide statements are refused as on-target
        boolean onTargetServer = target.map(t -> sameServer(t, server.admin())).orElse(false);
        return new TemporaryShadow(server.admin(), "the local PostgreSQL provider (" + server.description() + ")" + why, onTargetServer);
    }

    /** {@code --shadow-url} if given; else the shared provider: never the target's server unless asked. */
    static ShadowSource choose(Optional<ConnectionSettings> shadowUrl, Optional<ConnectionSettings> target) {
        return choose(shadowUrl, target, false);
    }

    /**
     * {@code --shadow-url} if given; else, with {@code onTarget} ({@code --shadow-on-target}), a temporary
     * database on the target's server (its role needs CREATEDB); else the shared provider.
     */
    static ShadowSource choose(Optional<ConnectionSettings> shadowUrl, Optional<ConnectionSettings> target, boolean onTarget) {
        if (shadowUrl.isPresent()) {
            if (onTarget) {
                throw DriftgateException.badInput("--shadow-url and --shadow-on-target exclude each other: give one.");
            }
            return new GivenShadow(shadowUrl.get(), target.map(t -> sameServer(t, shadowUrl.get())).orElse(false));
        }
        if (onTarget) {
            ConnectionSettings t = target.orElseThrow(() -> DriftgateException.badInput(
                    "--shadow-on-target needs the target database: give --url (or DATABASE_URL)."));
            if (!mayCreateDatabases(t)) {
                throw DriftgateException.badInput("--shadow-on-target needs a role that may create databases, and "
                        + t.user() + " on " + t + " may not (no CREATEDB). Leave --shadow-on-target out to replay in "
                        + "driftgate's own PostgreSQL, or give --shadow-url an empty database.");
            }
            return temporaryOn(t, "the target server " + t + " (--shadow-on-target)");
        }
        return shared(target, target.isPresent()
                ? ", because no --shadow-url was given (the target's server is used only with --shadow-on-target)"
                : ", because no --shadow-url or target database was given");
    }

    /**
     * Whether both reach one running server (one cluster: roles, tablespaces, settings), whatever host name or URL form
     * led there ({@code localhost}, {@code 127.1}, the machine's name). When either cannot be asked, the answer is yes:
     * the cautious one, since it only adds the check for server-wide statements.
     */
    static boolean sameServer(ConnectionSettings a, ConnectionSettings b) {
        try {
            return io.driftgate.db.DatabaseIdentity.of(a).sameServerAs(io.driftgate.db.DatabaseIdentity.of(b));
        } catch (SQLException e) {
            return true;
        }
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
