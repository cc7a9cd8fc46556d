package io.driftgate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "driftgate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Proves where a PostgreSQL schema, its Flyway history and its Hibernate entities differ,",
                "repairs what is provably safe, records what is already applied, and lets the deploy go on."},
        subcommands = {
                CheckCommand.class, PlanCommand.class, RepairCommand.class, MigrateCommand.class,
                SnapshotCommand.class, ReproduceCommand.class, ScenariosCommand.class, DoctorCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  done, nothing wrong",
                "  1  drift found (check, plan)",
                "  2  refused: needs a human (a hazard not allowed, an unprovable migration); nothing was changed",
                "  3  bad input or configuration",
                "  4  database error (unreachable, auth, permission, SQL failure, out of memory); the message says what, if anything, stays committed"})
final class DriftgateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }
}
