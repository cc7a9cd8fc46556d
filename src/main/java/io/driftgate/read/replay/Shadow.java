package io.driftgate.read.replay;

import io.driftgate.db.ConnectionSettings;

/** An empty database that one replay runs in; {@link #close()} removes it (or what the replay put in it). */
public interface Shadow extends AutoCloseable {

    ConnectionSettings settings();

    /** For the log line that says which shadow was used; never shows a password. */
    String description();

    /** Whether Flyway must clean the shadow afterwards because the database itself is the user's and stays. */
    boolean keepsDatabase();

    @Override
    void close();
}
