package io.driftgate.cli;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.history.MigrateOptions;
import io.driftgate.history.ReconcileResult;
import io.driftgate.history.RecoveringMigrate;
import io.driftgate.reports.PlanReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"show the drift and the repair plan as SQL; change nothing",
                "Exit 0: no drift; 1: drift found (the plan says what repair would do)."})
final class PlanCommand implements Callable<Integer> {
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
        MigrateOptions options = Recovery.options(database, migrations, report, recovery, env);
        ReconcileResult result = new RecoveringMigrate(env).reconcile(target, options.withRepair(options.repair().asDryRun()),
                Output.progress(spec, report));
        PlanReport plan = PlanReport.forReconcile("plan", target.toString(), result, options.repair().allowed());
        Output.report(spec, report, plan);
        return result.needsAction() ? ExitCodes.DRIFT : ExitCodes.OK;
    }
}
