package io.driftgate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Flyway migrate with automatic recovery from drift (the deploy command)")
final class MigrateCommand extends PendingCommand {
    @Mixin
    DatabaseOptions database;
    @Mixin
    MigrationOptions migrations;
    @Mixin
    EntityOptions entities;
    @Mixin
    ReportOptions report;
}
