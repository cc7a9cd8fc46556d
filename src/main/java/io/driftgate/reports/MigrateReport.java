package io.driftgate.reports;

import io.driftgate.apply.RepairOutcome;
import io.driftgate.history.MigrateResult;

import java.util.List;
import java.util.Locale;

/** The JSON shape of {@code migrate --format json}: outcome, the step-by-step log, history decisions and applied SQL. */
public record MigrateReport(int reportVersion, String command, String database, String outcome, List<String> log,
                            List<PlanReport.HistoryEntry> history, List<String> applied, int flywayExecuted) {

    public MigrateReport {
        log = List.copyOf(log);
        history = List.copyOf(history);
        applied = List.copyOf(applied);
    }

    public static MigrateReport of(String database, MigrateResult result) {
        List<PlanReport.HistoryEntry> history = result.reconciliation().map(r -> r.statuses().stream()
                .map(s -> new PlanReport.HistoryEntry(s.migration().version().orElse(""), s.migration().description(),
                        s.migration().script(), s.status().name().toLowerCase(Locale.ROOT), s.missing())).toList()).orElse(List.of());
        List<String> applied = result.repair().filter(r -> r instanceof RepairOutcome.Applied)
                .map(r -> ((RepairOutcome.Applied) r).executed().stream().map(s -> s.sql()).toList()).orElse(List.of());
        return new MigrateReport(PlanReport.VERSION, "migrate", database, result.outcome().name().toLowerCase(Locale.ROOT),
                result.log(), history, applied, result.flywayExecuted());
    }
}
