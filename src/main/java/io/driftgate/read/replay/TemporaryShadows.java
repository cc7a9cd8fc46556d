package io.driftgate.read.replay;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.sql.Identifiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary shadows of this JVM: dropped by a shutdown hook when the run is stopped (SIGTERM, Ctrl-C)
 * before it could drop them itself, and, before a new one is made, the leftovers of runs that were killed
 * outright (SIGKILL) and provably are gone — see {@link ShadowMarker}.
 */
final class TemporaryShadows {

    private static final Logger LOG = LoggerFactory.getLogger(TemporaryShadows.class);
    /** The hook must not hold up the JVM's exit for long: seconds to connect, seconds per statement. */
    private static final int HOOK_CONNECT_SECONDS = 5;
    private static final int HOOK_SOCKET_SECONDS = 10;
    private static final long HOOK_WAIT_MILLIS = 15_000;
    private static final String LEFTOVERS = """
            SELECT d.datname, shobj_description(d.oid, 'pg_database'),
                   EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datid = d.oid AND a.pid <> pg_backend_pid())
            FROM pg_database d WHERE d.datname LIKE 'dg\\_shadow\\_%' ORDER BY 1""";

    /** Database name → the admin connection it was created through. */
    private static final Map<String, ConnectionSettings> LIVE = new ConcurrentHashMap<>();
    private static volatile boolean hookInstalled;

    private TemporaryShadows() {
    }

    /** Called before CREATE DATABASE, so that a stop right after it still drops the database. */
    static void register(String name, ConnectionSettings admin) {
        installHook();
        LIVE.put(name, admin);
    }

    static void unregister(String name) {
        LIVE.remove(name);
    }

    /** Drops the {@code dg_shadow_…} databases on the server whose marker proves their run is gone. */
    static List<String> sweep(ConnectionSettings admin) {
        List<String> dropped = new ArrayList<>();
        try (Connection c = admin.open(); Statement s = c.createStatement()) {
            List<String> gone = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(LEFTOVERS)) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    boolean connected = rs.getBoolean(3);
                    Optional<ShadowMarker> marker = ShadowMarker.parse(rs.getString(2))
                            .filter(m -> name.equals(TemporaryShadow.PREFIX + m.id()));
                    if (!LIVE.containsKey(name) && marker.isPresent() && marker.get().runIsGone(Instant.now(), connected)) {
                        gone.add(name);
                    }
                }
            }
            for (String name : gone) {
                // FORCE: a killed run's backend may still be busy (e.g. in a long statement) for a while
                s.execute("DROP DATABASE IF EXISTS " + Identifiers.quote(name) + " WITH (FORCE)");
                dropped.add(name);
                LOG.warn("Dropped {}, a temporary shadow database left by a driftgate run that was killed", name);
            }
        } catch (SQLException e) {
            LOG.warn("Could not look for temporary shadow databases left by killed runs on {}: {}", admin, e.getMessage());
        }
        return List.copyOf(dropped);
    }

    private static void installHook() {
        if (hookInstalled) {
            return;
        }
        synchronized (TemporaryShadows.class) {
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(TemporaryShadows::dropAllBounded, "driftgate-shadow-cleanup"));
                hookInstalled = true;
            }
        }
    }

    private static void dropAllBounded() {
        if (LIVE.isEmpty()) {
            return;
        }
        Thread worker = new Thread(() -> LIVE.forEach(TemporaryShadows::dropQuickly), "driftgate-shadow-drop");
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join(HOOK_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void dropQuickly(String name, ConnectionSettings admin) {
        Properties props = new Properties();
        props.setProperty("user", admin.user());
        admin.password().ifPresent(p -> props.setProperty("password", p));
        props.setProperty("ApplicationName", "driftgate");
        props.setProperty("connectTimeout", String.valueOf(HOOK_CONNECT_SECONDS));
        props.setProperty("socketTimeout", String.valueOf(HOOK_SOCKET_SECONDS));
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), props); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + Identifiers.quote(name) + " WITH (FORCE)");
            LIVE.remove(name);
        } catch (SQLException e) {
            String state = Optional.ofNullable(e.getSQLState()).orElse("");
            if (state.startsWith("08") || state.startsWith("57P")) {
                return; // the server is going away with us (the embedded provider): nothing is left behind
            }
            System.err.println("driftgate: could not drop the temporary shadow database " + name + " on " + admin
                    + " while stopping: " + e.getMessage() + ". The next driftgate run on that server drops it.");
        }
    }
}
