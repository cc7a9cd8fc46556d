package io.driftgate.providers;

import io.driftgate.db.ConnectionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Automatic choice with Docker there: a container, and the embedded server when the container does not
 * start (no image and no registry, a broken engine, …), saying so in one sentence.
 */
public record FallbackProvider(PostgresProvider first, PostgresProvider second) implements PostgresProvider {

    private static final Logger LOG = LoggerFactory.getLogger(FallbackProvider.class);

    @Override
    public String name() {
        return first.name();
    }

    @Override
    public PostgresProvider forMajor(int major) {
        return new FallbackProvider(first.forMajor(major), second.forMajor(major));
    }

    @Override
    public PostgresServer start() {
        try {
            return first.start();
        } catch (ProviderException e) {
            String sentence = "the " + first.name() + " provider did not start (" + e.getMessage() + "), so the "
                    + second.name() + " one is used instead";
            LOG.warn("PostgreSQL: {}", sentence);
            return new FellBack(second.start(), sentence);
        }
    }

    private record FellBack(PostgresServer server, String why) implements PostgresServer {
        @Override
        public String description() {
            return server.description() + "; " + why;
        }

        @Override
        public ConnectionSettings admin() {
            return server.admin();
        }

        @Override
        public ServerVersion version() {
            return server.version();
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
