package io.driftgate.cli;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.db.ConnectionTimeouts;
import io.driftgate.db.DatabaseUrl;
import io.driftgate.failure.DriftgateException;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code --url --user --password --schemas}, shared by every command that talks to the user's database. */
final class DatabaseOptions {

    @Option(names = "--url", paramLabel = "URL",
            description = "JDBC jdbc:postgresql://… or libpq postgres://user:pass@host:port/db (default: $DATABASE_URL)")
    String url;

    @Option(names = "--user", description = "database user (default: from the URL, then $PGUSER)")
    String user;

    @Option(names = "--password", description = "database password (default: from the URL, then $PGPASSWORD)")
    String password;

    @Option(names = "--schemas", split = ",", paramLabel = "SCHEMA", defaultValue = "public",
            description = "schemas to compare and repair (default: ${DEFAULT-VALUE})")
    List<String> schemas;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "10s",
            description = "longest wait to connect and log in (TCP, TLS, authentication), 1s .. 10min; a bare number is seconds "
                    + "(default: ${DEFAULT-VALUE})")
    String connectTimeout;

    @Option(names = "--socket-timeout", paramLabel = "DURATION",
            description = "longest wait for any answer from the server; must exceed --statement-timeout and the 10 min wait for "
                    + "another deploy; a bare number is seconds (default: --statement-timeout + 5min, i.e. 35min)")
    String socketTimeout;

    /**
     * The connect/login and socket timeouts. {@code longestWait}: the longest a statement may legitimately
     * keep the server silent; the socket timeout must outlast it, else a long CREATE INDEX would be cut
     * client-side while the server still runs it.
     */
    ConnectionTimeouts timeouts(Duration longestWait) {
        Duration connect = Durations.parse("--connect-timeout", connectTimeout, ChronoUnit.SECONDS,
                Duration.ofSeconds(1), Duration.ofMinutes(10));
        Duration socket = socketTimeout == null ? ConnectionTimeouts.socketFor(longestWait)
                : Durations.parse("--socket-timeout", socketTimeout, ChronoUnit.SECONDS, Duration.ofSeconds(1), Duration.ofHours(48));
        if (socket.compareTo(longestWait) <= 0) {
            throw DriftgateException.badInput("--socket-timeout " + Durations.show(socket) + " must be longer than the longest "
                    + "legitimate wait, " + Durations.show(longestWait) + " (--statement-timeout, and the 10 min wait for another "
                    + "deploy's migration lock): a shorter one would cut a long statement client-side while the server still runs it");
        }
        return new ConnectionTimeouts(connect, socket);
    }

    ConnectionSettings connection(Map<String, String> env) {
        String effective = Optional.ofNullable(url).or(() -> Optional.ofNullable(env.get("DATABASE_URL")))
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> DriftgateException.badInput(
                        "no database given: pass --url jdbc:postgresql://host:5432/db or set DATABASE_URL"));
        return DatabaseUrl.parse(effective, Optional.ofNullable(user), Optional.ofNullable(password), env);
    }

    List<String> schemas() {
        return List.copyOf(schemas);
    }
}
