package io.driftgate.scenarios;

import io.driftgate.diff.Drift;
import io.driftgate.model.SchemaModel;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One scenario's verdict: what differed from the expectation ({@code problems}, empty when it passed),
 * the drift left between the live schema and a database Flyway migrated from empty, the migrate log,
 * and both schemas for assertions that want them.
 */
public record ScenarioResult(
        Scenario scenario,
        Duration duration,
        String outcome,
        List<String> problems,
        List<Drift> drift,
        List<String> log,
        Optional<SchemaModel> live,
        Optional<SchemaModel> reference) {

    public ScenarioResult {
        problems = List.copyOf(problems);
        drift = List.copyOf(drift);
        log = List.copyOf(log);
    }

    public String name() {
        return scenario.name();
    }

    public boolean passed() {
        return problems.isEmpty();
    }

    /** Everything a person needs to see why it failed: the problems, the drift, the migrate log. */
    public String explain() {
        StringBuilder b = new StringBuilder(scenario.name()).append(": ").append(scenario.description()).append('\n');
        b.append("outcome: ").append(outcome).append('\n');
        problems.forEach(p -> b.append("  ✗ ").append(p).append('\n'));
        if (!drift.isEmpty()) {
            b.append("drift (live vs migrations):\n");
            drift.forEach(d -> b.append("  ").append(d.kind()).append(": ").append(d.describe()).append('\n'));
        }
        if (!log.isEmpty()) {
            b.append("migrate log:\n");
            log.forEach(l -> b.append("  | ").append(l).append('\n'));
        }
        return b.toString();
    }
}
