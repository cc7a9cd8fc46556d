package io.driftgate.scenarios;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The summary of a scenario run: a progress line, a text or Markdown table, and JUnit XML for CI. */
public record SuiteReport(List<ScenarioResult> results, Duration wallTime) {

    public SuiteReport {
        results = List.copyOf(results);
    }

    public long failed() {
        return results.stream().filter(r -> !r.passed()).count();
    }

    public static String progressLine(ScenarioResult r) {
        return (r.passed() ? "PASS " : "FAIL ") + r.name() + " (" + seconds(r.duration()) + ")"
                + (r.passed() ? "" : ": " + r.problems().get(0));
    }

    /** The table, then what differed in each failure; with {@code everything}, every scenario's migrate log too. */
    public String text(boolean everything) {
        int width = Math.max(8, results.stream().mapToInt(r -> r.name().length()).max().orElse(8));
        StringBuilder b = new StringBuilder();
        String row = "%-" + width + "s  %-6s  %8s  %s%n";
        b.append(String.format(Locale.ROOT, row, "scenario", "result", "time", "outcome"));
        for (ScenarioResult r : results) {
            b.append(String.format(Locale.ROOT, row, r.name(), r.passed() ? "pass" : "FAIL", seconds(r.duration()), r.outcome()));
        }
        b.append(summary()).append(System.lineSeparator());
        results.stream().filter(r -> everything || !r.passed()).forEach(r -> b.append(System.lineSeparator()).append(r.explain()));
        return b.toString();
    }

    /** For a GitHub step summary: a table, then each failure's details folded. */
    public String markdown() {
        StringBuilder b = new StringBuilder("## driftgate scenarios\n\n").append(summary()).append("\n\n");
        b.append("| Scenario | Result | Time | Outcome |\n|---|---|---:|---|\n");
        for (ScenarioResult r : results) {
            b.append("| `").append(r.name()).append("` | ").append(r.passed() ? "✅ pass" : "❌ **fail**").append(" | ")
                    .append(seconds(r.duration())).append(" | ").append(cell(r.outcome())).append(" |\n");
        }
        for (ScenarioResult r : results) {
            if (!r.passed()) {
                b.append("\n<details><summary><code>").append(r.name()).append("</code> failed</summary>\n\n```\n")
                        .append(r.explain()).append("```\n\n</details>\n");
            }
        }
        return b.toString();
    }

    public String junitXml() {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<testsuite name=\"driftgate scenarios\" tests=\"").append(results.size()).append("\" failures=\"").append(failed())
                .append("\" errors=\"0\" skipped=\"0\" time=\"").append(secondsNumber(wallTime)).append("\">\n");
        for (ScenarioResult r : results) {
            b.append("  <testcase classname=\"driftgate.scenarios\" name=\"").append(xml(r.name())).append("\" time=\"")
                    .append(secondsNumber(r.duration())).append("\"");
            if (r.passed()) {
                b.append("/>\n");
            } else {
                b.append(">\n    <failure message=\"").append(xml(r.problems().get(0))).append("\">")
                        .append(xml(r.explain())).append("</failure>\n  </testcase>\n");
            }
        }
        return b.append("</testsuite>\n").toString();
    }

    private String summary() {
        return results.size() + " scenario(s), " + (results.size() - failed()) + " passed, " + failed() + " failed, wall time "
                + seconds(wallTime);
    }

    private static String seconds(Duration d) {
        return secondsNumber(d) + " s";
    }

    private static String secondsNumber(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String xml(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    // characters XML 1.0 cannot carry at all are dropped
                    if (c == '\n' || c == '\t' || c == '\r' || c >= 0x20) {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }
}
