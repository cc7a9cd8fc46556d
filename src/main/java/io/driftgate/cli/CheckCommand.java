package io.driftgate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "check", mixinStandardHelpOptions = true, description = "compare entities ↔ migrations ↔ database; change nothing")
final class CheckCommand extends PendingCommand {
    @Mixin
    DatabaseOptions database;
    @Mixin
    MigrationOptions migrations;
    @Mixin
    EntityOptions entities;
    @Mixin
    ReportOptions report;
}
