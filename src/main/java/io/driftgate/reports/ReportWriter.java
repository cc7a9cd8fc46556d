package io.driftgate.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Renders a {@link PlanReport} for people (text), machines (JSON) or a GitHub step summary (Markdown). */
public final class ReportWriter {

    /** Output formats of {@code --format}. */
    public enum Format { TEXT, JSON, MARKDOWN }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module())
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    public static void write(PlanReport report, Format format, PrintWriter out) {
        switch (format) {
            case TEXT -> text(report, out);
            case JSON -> out.println(json(report));
            case MARKDOWN -> markdown(report, out);
        }
        out.flush();
    }

    public static String json(Object report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(PlanReport r, PrintWriter out) {
        out.println("database: " + r.database());
        long unrecorded = r.history().stream().filter(h -> !h.status().equals("absent")).count();
        if (r.drift().isEmpty() && unrecorded > 0) {
            out.println("no schema drift, but Flyway's history lacks " + unrecorded + " migration(s) whose effects are present");
        } else if (r.drift().isEmpty()) {
            out.println("no drift: the database matches the migrations");
        } else {
            out.println("drift (" + r.drift().size() + "):");
            r.drift().forEach(d -> out.println("  - " + d.description()));
        }
        if (!r.history().isEmpty()) {
            out.println("migrations not in the history:");
            r.history().forEach(h -> out.println("  - V" + h.version() + " " + h.description() + ": " + h.status().replace('_', ' ')
                    + (h.missing().isEmpty() ? "" : " (missing: " + String.join(", ", h.missing()) + ")")));
        }
        if (!r.steps().isEmpty()) {
            out.println("plan (" + r.steps().size() + " step(s), one transaction):");
            for (PlanReport.StepEntry s : r.steps()) {
                out.println("  " + s.sql() + ";");
                String hazards = s.hazards().isEmpty() ? "safe" : "hazards: " + String.join(", ", s.hazards());
                out.println("      -- " + hazards + "; lock " + s.lock() + (s.rewritesTable() ? "; rewrites the table" : "")
                        + (s.dataChecks().isEmpty() ? "" : "; checks first: " + String.join("; ", s.dataChecks()))
                        + (s.allowed() ? "" : "; NOT ALLOWED"));
            }
        }
        if (!r.refused().isEmpty()) {
            out.println("refused (a human must decide):");
            r.refused().forEach(x -> out.println("  - " + x.subject() + ": " + x.reason()));
        }
        if (!r.extras().isEmpty()) {
            out.println("not declared by the migrations (kept, never touched):");
            r.extras().forEach(d -> out.println("  - " + d.description()));
        }
        out.println("outcome: " + r.outcome());
    }

    private static void markdown(PlanReport r, PrintWriter out) {
        out.println("### driftgate " + r.command() + ": " + r.outcome().replace('_', ' '));
        out.println();
        out.println("Database: `" + r.database() + "`");
        out.println();
        if (!r.drift().isEmpty()) {
            out.println("| drift | object |");
            out.println("|---|---|");
            r.drift().forEach(d -> out.println("| " + d.kind() + " | `" + cell(d.subject()) + "` |"));
            out.println();
        }
        if (!r.history().isEmpty()) {
            out.println("| migration | status |");
            out.println("|---|---|");
            r.history().forEach(h -> out.println("| V" + h.version() + " " + cell(h.description()) + " | " + h.status().replace('_', ' ') + " |"));
            out.println();
        }
        if (!r.steps().isEmpty()) {
            out.println("| step | hazards | lock |");
            out.println("|---|---|---|");
            r.steps().forEach(s -> out.println("| `" + cell(s.sql()) + "` | " + (s.hazards().isEmpty() ? "safe" : String.join(", ", s.hazards()))
                    + " | " + s.lock() + " |"));
            out.println();
        }
        if (!r.refused().isEmpty()) {
            out.println("**Refused** (a human must decide):");
            r.refused().forEach(x -> out.println("- `" + cell(x.subject()) + "`: " + x.reason()));
            out.println();
        }
        if (!r.extras().isEmpty()) {
            out.println("<details><summary>" + r.extras().size() + " object(s) not declared by the migrations (kept)</summary>");
            out.println();
            r.extras().forEach(d -> out.println("- " + d.description()));
            out.println("</details>");
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ").replace("`", "'");
    }
}
