package io.driftgate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "rebuild a snapshot in a local PostgreSQL, replay the deploy, recover (exit 0 when it converged)")
final class ReproduceCommand extends PendingCommand {
    @Mixin
    MigrationOptions migrations;
    @Mixin
    ReportOptions report;
}
