package io.driftgate.providers;

import io.driftgate.db.ConnectionSettings;

/** A running PostgreSQL server that driftgate may create and drop throwaway databases on. */
public interface PostgresServer extends AutoCloseable {

    /** For people, e.g. {@code embedded PostgreSQL (zonky) on 127.0.0.1:41234}. */
    String description();

    /** A superuser (or CREATEDB role) connection to the maintenance database. */
    ConnectionSettings admin();

    /** Stops the server if this process started it; leaves an external one running. */
    @Override
    void close();
}
