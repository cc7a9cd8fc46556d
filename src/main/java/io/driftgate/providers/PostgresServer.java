package io.driftgate.providers;

import io.driftgate.db.ConnectionSettings;

/** A running PostgreSQL server that driftgate may create and drop throwaway databases on. */
public interface PostgresServer extends AutoCloseable {

    /** For people, e.g. {@code embedded PostgreSQL 17.6 (zonky) on 127.0.0.1:41234}. */
    String description();

    /** A superuser (or CREATEDB role) connection to the maintenance database; always with a password for the servers driftgate starts. */
    ConnectionSettings admin();

    /** The server's major and version, e.g. 15 and {@code 15.19}. */
    ServerVersion version();

    /** Stops the server if this process started it; leaves an external one running. */
    @Override
    void close();
}
