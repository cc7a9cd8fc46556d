package io.driftgate.cli;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.history.MigrateResult;
import io.driftgate.history.RecoveringMigrate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Flyway migrate with automatic recovery from drift (the deploy command)",
                "Replays the migrations, reconciles Flyway's history with the live schema (repair and history rows in one "
                        + "transaction), lets Flyway run what is absent, then proves the database equals the migrations.",
                "Exit 0: converged; 2: refused, nothing changed; 3: bad input; 4: database error; the message says what was committed before it (driftgate's repair, migrations Flyway applied) and what was rolled back."})
final class MigrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    DatabaseOptions database;
    @Mixin
    MigrationOptions migrations;
    @Mixin
    RecoveryOptions recovery;
    @Mixin
    ReportOptions report;

    @Override
    public Integer call() {
        Map<String, String> env = System.getenv();
        ConnectionSettings target = Recovery.target(database, recovery, env);
        var progress = Output.progressForMigrate(spec, report);
        progress.accept("driftgate migrate " + target);
        MigrateResult result = new RecoveringMigrate(env).migrate(target,
                Recovery.options(database, migrations, report, recovery, env), progress);
        Output.migrateReport(spec, report, target.toString(), result);
        return result.outcome() == MigrateResult.Outcome.CONVERGED ? ExitCodes.OK : ExitCodes.REFUSED;
    }
}
