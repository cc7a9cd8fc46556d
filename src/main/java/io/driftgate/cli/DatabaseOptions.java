package io.driftgate.cli;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.db.DatabaseUrl;
import io.driftgate.failure.DriftgateException;
import picocli.CommandLine.Option;

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
