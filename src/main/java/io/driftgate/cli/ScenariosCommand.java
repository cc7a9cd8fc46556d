package io.driftgate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = "run a folder of scenarios, as the test suite does")
final class ScenariosCommand extends PendingCommand {
    @Mixin
    ReportOptions report;
}
