package io.driftgate.providers;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.sql.Identifiers;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out throwaway databases on one server. A template is built once per key and every database
 * that needs that starting point is a {@code CREATE DATABASE … TEMPLATE …} copy of it (milliseconds,
 * where replaying the setup would take seconds).
 */
public final class ThrowawayDatabases implements AutoCloseable {

    /** Builds a template's content; it must close every connection it opens before returning. */
    @FunctionalInterface
    public interface Builder {
        void build(ConnectionSettings database) throws Exception;
    }

    private static final String OBJECT_IN_USE = "55006";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final int CLONE_ATTEMPTS = 20;

    private final ConnectionSettings admin;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> templates = new ConcurrentHashMap<>();

    public ThrowawayDatabases(ConnectionSettings admin) {
        this.admin = admin;
    }

    /** An empty database. */
    public ThrowawayDatabase create() {
        return cloneOf("template0");
    }

    /** A fresh copy of the template built for {@code key} (built on first use). */
    public ThrowawayDatabase fromTemplate(String key, Builder builder) {
        return cloneOf(template(key, builder));
    }

    /** The template database for {@code key}, built on first use; concurrent callers wait for one build. */
    public String template(String key, Builder builder) {
        return templates.computeIfAbsent(key, k -> buildTemplate(k, builder));
    }

    private String buildTemplate(String key, Builder builder) {
        String name = "dg_tpl_" + runId + "_" + key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        name = name.length() > 60 ? name.substring(0, 60) : name;
        execute("CREATE DATABASE " + Identifiers.quote(name) + " TEMPLATE template0");
        try {
            builder.build(admin.withDatabase(name));
        } catch (Exception e) {
            drop(name);
            throw new ProviderException("Building the template database for '" + key + "' failed: " + e.getMessage(), e);
        }
        return name;
    }

    /** A fresh copy of an existing database that nobody is connected to. */
    public ThrowawayDatabase cloneOf(String template) {
        String name = "dg_" + runId + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String sql = "CREATE DATABASE " + Identifiers.quote(name) + " TEMPLATE " + Identifiers.quote(template);
        for (int attempt = 1; ; attempt++) {
            try {
                executeChecked(sql);
                return new ThrowawayDatabase(name, admin.withDatabase(name), this);
            } catch (SQLException e) {
                // another session copying the same template at this instant: wait a moment and retry
                if (!OBJECT_IN_USE.equals(e.getSQLState()) || attempt == CLONE_ATTEMPTS) {
                    throw new ProviderException("Could not create a throwaway database from '" + template + "' on "
                            + admin + ": " + e.getMessage(), e);
                }
                sleep(25L * attempt);
            }
        }
    }

    void drop(String name) {
        execute("DROP DATABASE IF EXISTS " + Identifiers.quote(name) + " WITH (FORCE)");
    }

    /** Drops the templates this instance built. */
    @Override
    public void close() {
        templates.values().forEach(this::drop);
        templates.clear();
    }

    private void execute(String sql) {
        try {
            executeChecked(sql);
        } catch (SQLException e) {
            String hint = INSUFFICIENT_PRIVILEGE.equals(e.getSQLState()) ? " (the role needs CREATEDB)" : "";
            throw new ProviderException("'" + sql + "' failed on " + admin + ": " + e.getMessage() + hint, e);
        }
    }

    private void executeChecked(String sql) throws SQLException {
        try (Connection c = admin.open(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted while waiting to create a database", e);
        }
    }
}
