package io.driftgate.db;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Hands Flyway connections opened by {@link ConnectionSettings#open()}, so the connections Flyway opens
 * carry the same timeouts and application name as driftgate's own (Flyway's url/user/password form
 * would open plain ones that may wait forever).
 */
public final class SettingsDataSource implements DataSource {

    private final ConnectionSettings settings;
    private final Optional<String> sessionSql;

    public SettingsDataSource(ConnectionSettings settings) {
        this(settings, Optional.empty());
    }

    /** {@code sessionSql} runs on every new connection (e.g. {@code SET lock_timeout …}), as Flyway's deprecated initSql did. */
    public SettingsDataSource(ConnectionSettings settings, Optional<String> sessionSql) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sessionSql = Objects.requireNonNull(sessionSql, "sessionSql");
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = settings.open();
        if (sessionSql.isPresent()) {
            try (Statement s = connection.createStatement()) {
                s.execute(sessionSql.get());
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        }
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("driftgate connects with the settings it was given");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // logging goes through SLF4J
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the login timeout comes from ConnectionTimeouts
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return settings.toString();
    }
}
