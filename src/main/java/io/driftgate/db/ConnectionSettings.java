package io.driftgate.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Where and as whom to connect. {@link #toString()} never shows the password, so a settings object may
 * be logged, printed in errors or written to reports as it is.
 */
public final class ConnectionSettings {

    private final String jdbcUrl;
    private final String user;
    private final Optional<String> password;
    private final ConnectionTimeouts timeouts;

    public ConnectionSettings(String jdbcUrl, String user, Optional<String> password) {
        this(jdbcUrl, user, password, ConnectionTimeouts.defaults());
    }

    public ConnectionSettings(String jdbcUrl, String user, Optional<String> password, ConnectionTimeouts timeouts) {
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public Optional<String> password() {
        return password;
    }

    public ConnectionTimeouts timeouts() {
        return timeouts;
    }

    /** The same database, opened with other connect/login/socket timeouts. */
    public ConnectionSettings withTimeouts(ConnectionTimeouts value) {
        return new ConnectionSettings(jdbcUrl, user, password, value);
    }

    /** The same server and credentials, another database. */
    public ConnectionSettings withDatabase(String database) {
        return new ConnectionSettings(JdbcUrls.withDatabase(jdbcUrl, database), user, password, timeouts);
    }

    public String database() {
        return JdbcUrls.database(jdbcUrl);
    }

    public Connection open() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        password.ifPresent(p -> props.setProperty("password", p));
        props.setProperty("ApplicationName", "driftgate");
        timeouts.applyTo(props); // every wait bounded: a port that accepts and never answers must not hang us
        return DriverManager.getConnection(jdbcUrl, props);
    }

    /** For people: URL (which never carries the password here) and user. */
    @Override
    public String toString() {
        return jdbcUrl + " (user " + user + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionSettings other && jdbcUrl.equals(other.jdbcUrl) && user.equals(other.user)
                && password.equals(other.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jdbcUrl, user, password);
    }
}
