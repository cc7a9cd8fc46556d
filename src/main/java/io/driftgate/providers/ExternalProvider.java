package io.driftgate.providers;

import io.driftgate.db.ConnectionSettings;

/** A server the user already runs, given by {@code DRIFTGATE_PG_URL}; driftgate only creates and drops its own databases there. */
public final class ExternalProvider implements PostgresProvider {

    static final String NAME = "external";

    private final ConnectionSettings admin;

    public ExternalProvider(ConnectionSettings admin) {
        this.admin = admin;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PostgresServer start() {
        return new PostgresServer() {
            @Override
            public String description() {
                return "external PostgreSQL at " + admin;
            }

            @Override
            public ConnectionSettings admin() {
                return admin;
            }

            @Override
            public void close() {
                // not ours to stop
            }
        };
    }
}
