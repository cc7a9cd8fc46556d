package io.driftgate.reports;

import io.driftgate.diff.Drift;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code check}: entities ↔ migrations (what the entities need that no migration creates) and
 * migrations ↔ database (the dry-run reconciliation, including objects only the database has).
 */
public record CheckReport(int reportVersion, String outcome, boolean entitiesChecked, List<PlanReport.DriftEntry> entitiesVsMigrations,
                          Optional<PlanReport> migrationsVsDatabase) {

    public CheckReport {
        entitiesVsMigrations = List.copyOf(entitiesVsMigrations);
    }

    public static CheckReport of(boolean entitiesChecked, List<Drift> entityDrift, Optional<PlanReport> database) {
        boolean drift = !entityDrift.isEmpty() || database.map(p -> p.outcome().equals("drift_found")).orElse(false);
        return new CheckReport(PlanReport.VERSION, drift ? "drift_found" : "no_drift", entitiesChecked,
                entityDrift.stream().map(PlanReport.DriftEntry::of).toList(), database);
    }

    public boolean driftFound() {
        return outcome.equals("drift_found");
    }

    public static void write(CheckReport r, String format, PrintWriter out) {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> out.println(ReportWriter.json(r));
            case "markdown" -> {
                out.println("### driftgate check: " + r.outcome().replace('_', ' '));
                out.println();
                entities(r, out, "- ");
                r.migrationsVsDatabase().ifPresent(p -> ReportWriter.write(p, ReportWriter.Format.MARKDOWN, out));
            }
            default -> {
                entities(r, out, "  - ");
                r.migrationsVsDatabase().ifPresentOrElse(p -> {
                    out.println("migrations ↔ database:");
                    ReportWriter.write(p, ReportWriter.Format.TEXT, out);
                }, () -> out.println("migrations ↔ database: not checked (no --url / DATABASE_URL)"));
                out.println("check: " + r.outcome().replace('_', ' '));
            }
        }
        out.flush();
    }

    private static void entities(CheckReport r, PrintWriter out, String bullet) {
        if (!r.entitiesChecked()) {
            out.println("entities ↔ migrations: not checked (no --entities)");
        } else if (r.entitiesVsMigrations().isEmpty()) {
            out.println("entities ↔ migrations: the migrations create everything the entities map");
        } else {
            out.println("entities ↔ migrations: the entities need what no migration creates:");
            r.entitiesVsMigrations().forEach(d -> out.println(bullet + d.description()));
        }
    }
}
