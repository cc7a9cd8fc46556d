package io.driftgate.read.replay;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.failure.DriftgateException;
import io.driftgate.sql.Identifiers;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;

/**
 * A {@code dg_shadow_…} database created on a server for one replay and dropped afterwards, also when the
 * run is stopped (shutdown hook) or, after a SIGKILL, by a later run that can prove whose it was: the
 * database's comment holds a {@link ShadowMarker}.
 *
 * @param onTargetServer whether the server is the target's (the user asked with {@code --shadow-on-target}):
 *                       then statements that act on the whole server are refused before the replay
 */
public record TemporaryShadow(ConnectionSettings admin, String serverDescription, boolean onTargetServer)
        implements ShadowSource {

    /** Every temporary shadow's name starts with this; the marker, not the name, proves it is driftgate's. */
    public static final String PREFIX = "dg_shadow_";

    public TemporaryShadow {
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(serverDescription, "serverDescription");
    }

    @Override
    public ConnectionSettings probe() {
        return admin;
    }

    @Override
    public Shadow open() {
        TemporaryShadows.sweep(admin);
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String name = PREFIX + id;
        TemporaryShadows.register(name, admin);
        try {
            execute("CREATE DATABASE " + Identifiers.quote(name) + " TEMPLATE template0");
            execute("COMMENT ON DATABASE " + Identifiers.quote(name) + " IS "
                    + Identifiers.literal(ShadowMarker.forThisProcess(id).text()));
        } catch (RuntimeException e) {
            try {
                drop(name);
            } catch (RuntimeException dropFailed) {
                e.addSuppressed(dropFailed);
            }
            throw e;
        }
        ConnectionSettings settings = admin.withDatabase(name);
        return new Shadow() {
            @Override
            public ConnectionSettings settings() {
                return settings;
            }

            @Override
            public String description() {
                return "temporary database " + name + " on " + serverDescription;
            }

            @Override
            public boolean isGiven() {
                return false;
            }

            @Override
            public void close() {
                drop(name);
            }
        };
    }

    @Override
    public String description() {
        return "a temporary database on " + serverDescription;
    }

    private void drop(String name) {
        // FORCE: a connection Flyway left behind must not keep the shadow alive
        execute("DROP DATABASE IF EXISTS " + Identifiers.quote(name) + " WITH (FORCE)");
        TemporaryShadows.unregister(name); // only once it is gone: until then the shutdown hook still tries
    }

    private void execute(String sql) {
        try (Connection c = admin.open(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw DriftgateException.database("'" + sql + "' failed on " + admin + ": " + e.getMessage(), e);
        }
    }
}
