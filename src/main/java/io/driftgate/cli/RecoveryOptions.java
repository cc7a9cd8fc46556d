package io.driftgate.cli;

import picocli.CommandLine.Option;

import java.util.List;

/** {@code --lock-timeout --assume-applied --rerun --shadow-url --shadow-on-target}: how a repair treats live traffic and unprovable migrations. */
final class RecoveryOptions {

    @Option(names = "--lock-timeout", paramLabel = "MILLIS", defaultValue = "2000",
            description = "longest wait for a table lock per statement (driftgate's, the catalog reads' and Flyway's "
                    + "migrations), in ms or e.g. 2s, 1ms .. 10min; the work then rolls back and retries, 5 attempts with "
                    + "back-off (default: ${DEFAULT-VALUE})")
    String lockTimeout;

    @Option(names = "--statement-timeout", paramLabel = "DURATION", defaultValue = "30min",
            description = "longest a single statement may run (a repair's or a migration's, e.g. CREATE INDEX on a large "
                    + "table), longer than --lock-timeout, up to 24h; a bare number is seconds (default: ${DEFAULT-VALUE})")
    String statementTimeout;

    @Option(names = "--assume-applied", split = ",", paramLabel = "VERSION",
            description = "migrations that change data which you know ran, e.g. --assume-applied 7")
    List<String> assumeApplied = List.of();

    @Option(names = "--rerun", split = ",", paramLabel = "VERSION",
            description = "migrations that change data to run again, whole and in order as Flyway would, inside the repair transaction, e.g. --rerun 7")
    List<String> rerun = List.of();

    @Option(names = "--shadow-url", paramLabel = "URL",
            description = "an empty database to replay the migrations in; refused unless empty, never cleaned afterwards "
                    + "(default: a temporary database in driftgate's own PostgreSQL, embedded or a container)")
    String shadowUrl;

    @Option(names = "--shadow-on-target",
            description = "replay in a temporary database on the target's server instead (the role needs CREATEDB); "
                    + "migrations with server-wide statements (CREATE ROLE, ALTER SYSTEM, CREATE TABLESPACE, …) are then refused")
    boolean shadowOnTarget;
}
