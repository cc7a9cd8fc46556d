package io.driftgate.providers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server per JVM, started on first use and stopped at exit, with one {@link ThrowawayDatabases}
 * over it. Logs once which provider was picked and why.
 */
public final class SharedPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(SharedPostgres.class);
    private static volatile Shared shared;

    private SharedPostgres() {
    }

    private record Shared(PostgresServer server, ThrowawayDatabases databases) {
    }

    public static PostgresServer server() {
        return get().server();
    }

    public static ThrowawayDatabases databases() {
        return get().databases();
    }

    private static Shared get() {
        Shared current = shared;
        if (current != null) {
            return current;
        }
        synchronized (SharedPostgres.class) {
            if (shared == null) {
                ProviderSelector.Choice choice = ProviderSelector.choose(System.getenv());
                LOG.info("PostgreSQL provider: {} ({})", choice.provider().name(), choice.reason());
                PostgresServer server = choice.provider().start();
                ThrowawayDatabases databases = new ThrowawayDatabases(server.admin());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        databases.close();
                    } finally {
                        server.close();
                    }
                }, "driftgate-postgres-shutdown"));
                LOG.info("PostgreSQL ready: {}", server.description());
                shared = new Shared(server, databases);
            }
            return shared;
        }
    }
}
