package io.driftgate.read.replay;

import io.driftgate.db.ConnectionSettings;

/**
 * An empty database that one replay runs in. {@link #close()} drops it when driftgate created it; a
 * database the user gave is never cleaned (it is not driftgate's to empty).
 */
public interface Shadow extends AutoCloseable {

    ConnectionSettings settings();

    /** For the log line that says which shadow was used; never shows a password. */
    String description();

    /** Whether the database is the user's ({@code --shadow-url}): it stays, with what the replay created in it. */
    boolean isGiven();

    @Override
    void close();
}
