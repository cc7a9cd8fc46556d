package io.driftgate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "plan", mixinStandardHelpOptions = true, description = "show the drift and the repair plan as SQL; change nothing")
final class PlanCommand extends PendingCommand {
    @Mixin
    DatabaseOptions database;
    @Mixin
    MigrationOptions migrations;
    @Mixin
    EntityOptions entities;
    @Mixin
    ReportOptions report;
}
