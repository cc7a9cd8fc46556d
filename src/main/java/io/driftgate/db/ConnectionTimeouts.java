package io.driftgate.db;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * How long a connection may take to open and how long it may wait for the server to answer, as the
 * pgjdbc properties {@code connectTimeout}, {@code loginTimeout} and {@code socketTimeout} (whole
 * seconds, rounded up). The socket timeout is the last resort against a server or network that went
 * silent: it must outlast every statement driftgate or Flyway may legitimately run (the statement
 * timeout, the wait for another deploy's migration lock), else a long CREATE INDEX would be cut
 * client-side while the server still works on it.
 */
public record ConnectionTimeouts(Duration connect, Duration socket) {

    /** TCP connect, TLS and authentication together. */
    public static final Duration DEFAULT_CONNECT = Duration.ofSeconds(10);
    /** statement_timeout (30 min) plus 5 min for the answer to travel; see {@link #socketFor(Duration)}. */
    public static final Duration DEFAULT_SOCKET = Duration.ofMinutes(35);

    public ConnectionTimeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(socket, "socket");
        if (connect.isNegative() || connect.isZero() || socket.isNegative() || socket.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive (a zero would mean: wait forever)");
        }
    }

    public static ConnectionTimeouts defaults() {
        return new ConnectionTimeouts(DEFAULT_CONNECT, DEFAULT_SOCKET);
    }

    /** The default socket timeout for a longest statement: 5 min more, so the server's own cancel comes first. */
    public static Duration socketFor(Duration longestStatement) {
        return longestStatement.plusMinutes(5);
    }

    public ConnectionTimeouts withConnect(Duration value) {
        return new ConnectionTimeouts(value, socket);
    }

    public ConnectionTimeouts withSocket(Duration value) {
        return new ConnectionTimeouts(connect, value);
    }

    /** Sets the pgjdbc properties; the login timeout equals the connect timeout and bounds the whole opening. */
    void applyTo(Properties props) {
        props.setProperty("connectTimeout", Long.toString(seconds(connect)));
        props.setProperty("loginTimeout", Long.toString(seconds(connect)));
        props.setProperty("socketTimeout", Long.toString(seconds(socket)));
    }

    /** The driver's reason, plus which timeout ran out when the server did not answer in time. */
    public static String explain(ConnectionSettings db, java.sql.SQLException e) {
        String reason = e.getMessage() == null ? "no reason given" : e.getMessage().replaceAll("\\.+$", "");
        boolean timedOut = reason.toLowerCase(java.util.Locale.ROOT).contains("timed out")
                || e.getCause() instanceof java.net.SocketTimeoutException;
        return reason + "." + (timedOut ? " The server did not answer within the connect timeout of " + seconds(db.timeouts().connect())
                + " s (a port that accepts but never answers, a firewall, or a server too busy); raise --connect-timeout if it is only slow."
                : "");
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
