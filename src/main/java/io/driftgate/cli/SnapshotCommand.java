package io.driftgate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "write the live schema + history (no rows) to a file")
final class SnapshotCommand extends PendingCommand {
    @Mixin
    DatabaseOptions database;
    @Mixin
    ReportOptions report;
}
