package io.driftgate.cli;

import picocli.CommandLine.Option;

import java.util.List;

/** {@code --lock-timeout --assume-applied --rerun --shadow-url}: how a repair treats live traffic and unprovable migrations. */
final class RecoveryOptions {

    @Option(names = "--lock-timeout", paramLabel = "MILLIS", defaultValue = "2000",
            description = "longest wait for a table lock per statement, in ms; the repair then rolls back and retries (default: ${DEFAULT-VALUE})")
    long lockTimeoutMillis;

    @Option(names = "--assume-applied", split = ",", paramLabel = "VERSION",
            description = "migrations that change data which you know ran, e.g. --assume-applied 7")
    List<String> assumeApplied = List.of();

    @Option(names = "--rerun", split = ",", paramLabel = "VERSION",
            description = "migrations that change data to run again inside the repair, e.g. --rerun 7")
    List<String> rerun = List.of();

    @Option(names = "--shadow-url", paramLabel = "URL",
            description = "an empty database to replay the migrations in (default: a temporary one on the target server, else the embedded PostgreSQL)")
    String shadowUrl;
}
