package io.driftgate.cli;

import io.driftgate.failure.Activity;
import io.driftgate.history.MigrateResult;
import io.driftgate.reports.MigrateReport;
import io.driftgate.reports.PlanReport;
import io.driftgate.reports.ReportWriter;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/** Where command output goes: reports on stdout, progress on stderr (on stdout for a text {@code migrate}, whose progress is its report). */
final class Output {

    private Output() {
    }

    static Consumer<String> progress(CommandSpec spec, ReportOptions report) {
        PrintWriter err = spec.commandLine().getErr();
        return line -> {
            Activity.now(line);
            err.println(line);
            err.flush();
        };
    }

    static Consumer<String> progressForMigrate(CommandSpec spec, ReportOptions report) {
        PrintWriter out = report.format == ReportOptions.Format.text ? spec.commandLine().getOut() : spec.commandLine().getErr();
        return line -> {
            Activity.now(line);
            out.println(line);
            out.flush();
        };
    }

    static void report(CommandSpec spec, ReportOptions report, PlanReport plan) {
        ReportWriter.write(plan, format(report), spec.commandLine().getOut());
    }

    static void migrateReport(CommandSpec spec, ReportOptions report, String database, MigrateResult result) {
        PrintWriter out = spec.commandLine().getOut();
        switch (report.format) {
            case text -> out.println(result.outcome() == MigrateResult.Outcome.CONVERGED
                    ? "driftgate: migrated; the database matches the migrations" : "driftgate: refused; nothing was changed");
            case json -> out.println(ReportWriter.json(MigrateReport.of(database, result)));
            case markdown -> {
                out.println("### driftgate migrate: " + result.outcome().name().toLowerCase(Locale.ROOT));
                out.println();
                out.println("```");
                result.log().forEach(out::println);
                out.println("```");
            }
        }
        out.flush();
    }

    private static ReportWriter.Format format(ReportOptions report) {
        return switch (report.format) {
            case text -> ReportWriter.Format.TEXT;
            case json -> ReportWriter.Format.JSON;
            case markdown -> ReportWriter.Format.MARKDOWN;
        };
    }
}
