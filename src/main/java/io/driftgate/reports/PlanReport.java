package io.driftgate.reports;

import io.driftgate.apply.RepairOutcome;
import io.driftgate.diff.Drift;
import io.driftgate.history.ReconcileResult;
import io.driftgate.plan.Hazard;
import io.driftgate.plan.PlanStep;
import io.driftgate.plan.RepairPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@code plan} and {@code repair} report, in one shape for every format. The JSON form of this
 * record is the documented, stable report schema ({@code docs/report-schema.md}).
 */
public record PlanReport(
        int reportVersion,
        String command,
        String database,
        String outcome,
        List<DriftEntry> drift,
        List<StepEntry> steps,
        List<Refused> refused,
        List<DriftEntry> extras,
        List<HistoryEntry> history) {

    public static final int VERSION = 1;

    public PlanReport {
        drift = List.copyOf(drift);
        steps = List.copyOf(steps);
        refused = List.copyOf(refused);
        extras = List.copyOf(extras);
        history = List.copyOf(history);
    }

    /** What reconciliation decided for one pending migration. */
    public record HistoryEntry(String version, String description, String script, String status, List<String> missing) {
    }

    public record DriftEntry(String kind, String subject, String description) {
        static DriftEntry of(Drift d) {
            return new DriftEntry(d.kind(), d.subject(), d.describe());
        }
    }

    public record StepEntry(String sql, String fixes, String lock, boolean rewritesTable, List<String> hazards,
                            List<String> dataChecks, boolean allowed) {
    }

    public record Refused(String sql, String subject, String reason) {
    }

    /** A plan that was only shown ({@code plan}): outcome {@code no_drift} or {@code drift_found}. */
    public static PlanReport forPlan(String database, RepairPlan plan, Set<Hazard> allowed) {
        List<Refused> refused = new ArrayList<>();
        for (PlanStep s : plan.refusedSteps(allowed)) {
            refused.add(new Refused(s.sql(), s.fixes().subject(), "needs --allow " + String.join(",",
                    s.notAllowed(allowed).stream().map(Enum::name).sorted().toList())));
        }
        plan.unrepairable().forEach(u -> refused.add(new Refused("", u.drift().subject(), u.reason())));
        String outcome = plan.drift().stream().anyMatch(d -> !(d instanceof Drift.Extra)) ? "drift_found" : "no_drift";
        return build("plan", database, outcome, plan, allowed, refused);
    }

    /** What {@code repair} did. */
    public static PlanReport forRepair(String database, RepairOutcome result, Set<Hazard> allowed) {
        List<Refused> refused = new ArrayList<>();
        String outcome;
        if (result instanceof RepairOutcome.Applied) {
            outcome = "applied";
        } else if (result instanceof RepairOutcome.Refused r) {
            outcome = "refused";
            r.refusals().forEach(x -> refused.add(new Refused(x.sql(), x.subject(), x.reason())));
        } else {
            outcome = "nothing_to_do";
        }
        return build("repair", database, outcome, result.plan(), allowed, refused);
    }

    private static PlanReport build(String command, String database, String outcome, RepairPlan plan, Set<Hazard> allowed,
                                    List<Refused> refused) {
        List<DriftEntry> drift = plan.drift().stream().filter(d -> !(d instanceof Drift.Extra)).map(DriftEntry::of).toList();
        List<DriftEntry> extras = plan.extras().stream().map(DriftEntry::of).toList();
        List<StepEntry> steps = plan.steps().stream().map(s -> new StepEntry(s.sql(), s.fixes().subject(), s.lock().name(),
                s.rewritesTable(), s.hazards().stream().map(Enum::name).sorted().toList(),
                s.dataChecks().stream().map(c -> c.description()).toList(), s.notAllowed(allowed).isEmpty())).toList();
        return new PlanReport(VERSION, command, database, outcome, drift, steps, refused, extras, List.of());
    }

    /**
     * A reconciliation ({@code plan} dry run or {@code repair}): outcomes {@code no_drift}, {@code drift_found}
     * (plan), {@code applied}, {@code nothing_to_do}, {@code refused}.
     */
    public static PlanReport forReconcile(String command, String database, ReconcileResult result, Set<Hazard> allowed) {
        PlanReport base = result.repair() instanceof RepairOutcome.Planned planned
                ? forPlan(database, planned.plan(), allowed)
                : forRepair(database, result.repair(), allowed);
        String outcome = base.outcome();
        if (command.equals("plan")) {
            outcome = result.needsAction() ? "drift_found" : "no_drift";
        }
        List<HistoryEntry> history = result.reconciliation().map(r -> r.statuses().stream().map(s -> new HistoryEntry(
                s.migration().version().orElse(""), s.migration().description(), s.migration().script(),
                s.status().name().toLowerCase(java.util.Locale.ROOT), s.missing())).toList()).orElse(List.of());
        return new PlanReport(VERSION, command, database, outcome, base.drift(), base.steps(), base.refused(), base.extras(), history);
    }
}
