package io.driftgate.cli;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.diff.Drift;
import io.driftgate.diff.EntityDiffer;
import io.driftgate.failure.DriftgateException;
import io.driftgate.history.MigrateOptions;
import io.driftgate.history.NothingUnchecked;
import io.driftgate.history.ReconcileResult;
import io.driftgate.history.RecoveringMigrate;
import io.driftgate.model.SchemaModel;
import io.driftgate.read.catalog.CatalogReader;
import io.driftgate.read.entities.EntityMapping;
import io.driftgate.read.entities.EntitySource;
import io.driftgate.read.entities.Naming;
import io.driftgate.read.replay.MigrationReplay;
import io.driftgate.read.replay.ReplayCache;
import io.driftgate.read.replay.ReplayResult;
import io.driftgate.read.replay.ShadowSource;
import io.driftgate.reports.CheckReport;
import io.driftgate.reports.PlanReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"compare entities ↔ migrations ↔ database; change nothing",
                "Without --url it checks entities against migrations only (a PR gate needs no database).",
                "Exit 0: all agree; 1: drift found."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    DatabaseOptions database;
    @Mixin
    MigrationOptions migrations;
    @Mixin
    EntityOptions entities;
    @Mixin
    RecoveryOptions recovery;
    @Mixin
    ReportOptions report;

    @Override
    public Integer call() {
        Map<String, String> env = System.getenv();
        Optional<ConnectionSettings> target = database.url != null || env.containsKey("DATABASE_URL")
                ? Optional.of(Recovery.target(database, recovery, env)) : Optional.empty();
        if (target.isEmpty() && entities.entities == null) {
            throw DriftgateException.badInput("check has nothing to compare: give --entities (classes folder or jar) to compare the "
                    + "entities with the migrations, and/or --url (or DATABASE_URL) to compare the database with them.");
        }
        MigrateOptions options = Recovery.options(database, migrations, report, recovery, env);
        var progress = Output.progress(spec, report);

        List<Drift> entityDrift = List.of();
        if (entities.entities != null) {
            ReplayResult replay = new MigrationReplay(ShadowSource.choose(options.shadowUrl(), target, options.shadowOnTarget()),
                    new CatalogReader()::read, Optional.of(ReplayCache.standard(env))).replay(options.locations(), options.schemas(), options.flyway());
            List<String> warnings = NothingUnchecked.requireSchemasChecked(options.schemas(), replay, target);
            if (target.isEmpty()) { // with a database, its reconciliation below says them
                warnings.forEach(progress);
            }
            progress.accept("Reading the entities in " + entities.entities);
            SchemaModel mapped = new EntityMapping().read(EntitySource.of(entities.entities)
                    .withPackages(entities.entityPackages)
                    .withNaming(entities.naming == EntityOptions.Naming.jpa ? Naming.JPA : Naming.SPRING)
                    .withDefaultSchema(options.schemas().get(0)));
            entityDrift = EntityDiffer.diff(mapped, replay.finalSchema());
        }
        Optional<PlanReport> databaseReport = target.map(t -> {
            ReconcileResult result = new RecoveringMigrate(env).reconcile(t, options.withRepair(options.repair().asDryRun()), progress);
            return PlanReport.forReconcile("plan", t.toString(), result, options.repair().allowed());
        });
        CheckReport check = CheckReport.of(entities.entities != null, entityDrift, databaseReport);
        CheckReport.write(check, report.format.name(), spec.commandLine().getOut());
        return check.driftFound() ? ExitCodes.DRIFT : ExitCodes.OK;
    }
}
