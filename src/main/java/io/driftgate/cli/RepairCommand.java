package io.driftgate.cli;

import io.driftgate.apply.RepairOutcome;
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

@Command(name = "repair", mixinStandardHelpOptions = true,
        description = {"apply the safe plan and reconcile the history",
                "One transaction under Flyway's lock: repair DDL, then the migrations whose effects are present are recorded "
                        + "as applied. Absent migrations are left for Flyway (see migrate).",
                "Exit 0: repaired or nothing to do; 2: refused, nothing changed."})
final class RepairCommand implements Callable<Integer> {
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
        ReconcileResult result = new RecoveringMigrate(env).reconcile(target, options, Output.progress(spec, report));
        Output.report(spec, report, PlanReport.forReconcile("repair", target.toString(), result, options.repair().allowed()));
        return result.repair() instanceof RepairOutcome.Refused ? ExitCodes.REFUSED : ExitCodes.OK;
    }
}
