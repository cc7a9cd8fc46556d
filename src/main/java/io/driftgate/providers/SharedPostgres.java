package io.driftgate.providers;

import io.driftgate.db.ConnectionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The servers of this JVM, one per PostgreSQL major, each started on first use and stopped at exit, each
 * with one {@link ThrowawayDatabases} over it. {@link #server()} is the one {@link ProviderSelector} picks;
 * {@link #server(int)} is the same kind of provider for another major (a shadow must run the major of its
 * target), and is the same server when the majors match. Logs which provider was picked and why.
 */
public final class SharedPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(SharedPostgres.class);
    private static final Map<Integer, Shared> BY_MAJOR = new ConcurrentHashMap<>();
    private static final List<Shared> STARTED = new ArrayList<>();
    private static volatile Shared first;
    private static volatile ProviderSelector.Choice choice;

    private SharedPostgres() {
    }

    private record Shared(PostgresServer server, ThrowawayDatabases databases) {
    }

    /** The server {@link ProviderSelector} picks (its major: {@code DRIFTGATE_PG_VERSION}, else the default). */
    public static PostgresServer server() {
        return shared().server();
    }

    public static ThrowawayDatabases databases() {
        return shared().databases();
    }

    /** A server of PostgreSQL {@code major} from the same provider; an external server is the one it is, whatever its major. */
    public static PostgresServer server(int major) {
        return shared(major).server();
    }

    public static ThrowawayDatabases databases(int major) {
        return shared(major).databases();
    }

    /** A server of the major {@code target} runs; the default one when the target cannot be asked (its own error comes later). */
    public static PostgresServer serverMatching(ConnectionSettings target) {
        try {
            return server(ServerVersion.query(target).major());
        } catch (SQLException e) {
            return server();
        }
    }

    private static Shared shared() {
        Shared current = first;
        if (current != null) {
            return current;
        }
        synchronized (SharedPostgres.class) {
            if (first == null) {
                ProviderSelector.Choice picked = ProviderSelector.choose(System.getenv());
                LOG.info("PostgreSQL provider: {}, PostgreSQL {} ({})", picked.provider().name(), picked.major(), picked.reason());
                choice = picked;
                first = start(picked.provider());
            }
            return first;
        }
    }

    private static Shared shared(int major) {
        Shared existing = BY_MAJOR.get(major);
        if (existing != null) {
            return existing;
        }
        Shared main = shared();
        if (main.server().version().major() == major || choice.provider() instanceof ExternalProvider) {
            return main;
        }
        synchronized (SharedPostgres.class) {
            Shared again = BY_MAJOR.get(major);
            if (again != null) {
                return again;
            }
            LOG.info("PostgreSQL {} wanted (a shadow of the target's major): starting one from the {} provider",
                    major, choice.provider().name());
            return start(choice.provider().forMajor(major));
        }
    }

    private static Shared start(PostgresProvider provider) {
        PostgresServer server = provider.start();
        ThrowawayDatabases databases = new ThrowawayDatabases(server.admin());
        Shared shared = new Shared(server, databases);
        if (STARTED.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(SharedPostgres::stopAll, "driftgate-postgres-shutdown"));
        }
        STARTED.add(shared);
        BY_MAJOR.putIfAbsent(server.version().major(), shared);
        LOG.info("PostgreSQL ready: {}", server.description());
        return shared;
    }

    private static void stopAll() {
        synchronized (SharedPostgres.class) {
            for (Shared shared : STARTED) {
                try {
                    shared.databases().close();
                } catch (RuntimeException e) {
                    LOG.debug("dropping the templates of {} failed", shared.server().description(), e);
                } finally {
                    shared.server().close();
                }
            }
        }
    }
}
