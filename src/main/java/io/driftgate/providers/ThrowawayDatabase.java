package io.driftgate.providers;

import io.driftgate.db.ConnectionSettings;

/** A database that exists for one test, shadow or reproduction and is dropped on {@link #close()}. */
public final class ThrowawayDatabase implements AutoCloseable {

    private final String name;
    private final ConnectionSettings settings;
    private final ThrowawayDatabases owner;

    ThrowawayDatabase(String name, ConnectionSettings settings, ThrowawayDatabases owner) {
        this.name = name;
        this.settings = settings;
        this.owner = owner;
    }

    public String name() {
        return name;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        owner.drop(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
