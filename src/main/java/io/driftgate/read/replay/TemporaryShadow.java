package io.driftgate.read.replay;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.failure.DriftgateException;
import io.driftgate.sql.Identifiers;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;

/** A {@code dg_shadow_…} database created on a server for one replay and dropped afterwards. */
public record TemporaryShadow(ConnectionSettings admin, String serverDescription) implements ShadowSource {

    /** Every temporary shadow's name starts with this, so leftovers are easy to find. */
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
        String name = PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE DATABASE " + Identifiers.quote(name) + " TEMPLATE template0");
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
            public boolean keepsDatabase() {
                return false;
            }

            @Override
            public void close() {
                // FORCE: a connection Flyway left behind must not keep the shadow alive
                execute("DROP DATABASE IF EXISTS " + Identifiers.quote(name) + " WITH (FORCE)");
            }
        };
    }

    @Override
    public String description() {
        return "a temporary database on " + serverDescription;
    }

    private void execute(String sql) {
        try (Connection c = admin.open(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw DriftgateException.database("'" + sql + "' failed on " + admin + ": " + e.getMessage(), e);
        }
    }
}
