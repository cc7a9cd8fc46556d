package io.driftgate.providers;

import io.driftgate.db.ConnectionSettings;

/** A server the user already runs, given by {@code DRIFTGATE_PG_URL}; driftgate only creates and drops its own databases there. */
public record ExternalProvider(ConnectionSettings admin) implements PostgresProvider {

    static final String NAME = "external";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PostgresProvider forMajor(int major) {
        return this;
    }

    @Override
    public PostgresServer start() {
        return new Server(admin, ServerVersion.of(admin));
    }

    private record Server(ConnectionSettings admin, ServerVersion version) implements PostgresServer {
        @Override
        public String description() {
            return "external " + version + " at " + admin;
        }

        @Override
        public void close() {
            // not ours to stop
        }
    }
}
