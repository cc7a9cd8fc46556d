package io.driftgate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "repair", mixinStandardHelpOptions = true, description = "apply the safe plan and reconcile the history")
final class RepairCommand extends PendingCommand {
    @Mixin
    DatabaseOptions database;
    @Mixin
    MigrationOptions migrations;
    @Mixin
    EntityOptions entities;
    @Mixin
    ReportOptions report;
}
