package io.driftgate.scenarios;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parses the {@code expect:} field of a scenario.yaml. */
final class Expectations {

    private static final String KINDS = "converged, {converged: {recorded: [..], flywayRan: N, rowsMayChange: [..]}}, "
            + "{refused: {exit: 2, mentions: \"..\"}} or {error: {exit: 3|4, mentions: \"..\", thenConverges: true}}";

    private final ScenarioLoader.Fields f;

    Expectations(ScenarioLoader.Fields f) {
        this.f = f;
    }

    Expectation parse(JsonNode node) {
        if (node != null && node.isTextual() && node.asText().equals("converged")) {
            return new Expectation.Converged(Optional.empty(), Optional.empty(), Set.of());
        }
        Map.Entry<String, JsonNode> e = f.single(node, "expect", KINDS).entrySet().iterator().next();
        JsonNode v = e.getValue();
        String at = "expect." + e.getKey();
        return switch (e.getKey()) {
            case "converged" -> converged(at, v);
            case "refused" -> {
                int exit = exit(at, v, Set.of(2));
                yield new Expectation.Refused(exit, mentions(at, v), thenConverges(at, v));
            }
            case "error" -> {
                int exit = exit(at, v, Set.of(3, 4));
                yield new Expectation.Error(exit, mentions(at, v), thenConverges(at, v));
            }
            default -> throw f.error("expect", KINDS, node);
        };
    }

    private Expectation converged(String at, JsonNode v) {
        if (v == null || v.isNull()) {
            return new Expectation.Converged(Optional.empty(), Optional.empty(), Set.of());
        }
        f.onlyKeys(v, at, Set.of("recorded", "flywayRan", "rowsMayChange"));
        Optional<List<String>> recorded = v.has("recorded") ? Optional.of(v.get("recorded").isArray() && v.get("recorded").isEmpty()
                ? List.of() : f.texts(v.get("recorded"), at + ".recorded")) : Optional.empty();
        Optional<Integer> ran = Optional.empty();
        if (v.has("flywayRan")) {
            if (!v.get("flywayRan").isInt() || v.get("flywayRan").asInt() < 0) {
                throw f.error(at + ".flywayRan", "the number of migrations Flyway runs (0 or more)", v.get("flywayRan"));
            }
            ran = Optional.of(v.get("flywayRan").asInt());
        }
        Set<String> rows = Set.copyOf(v.has("rowsMayChange") ? f.texts(v.get("rowsMayChange"), at + ".rowsMayChange") : List.of());
        return new Expectation.Converged(recorded, ran, rows);
    }

    private int exit(String at, JsonNode v, Set<Integer> allowed) {
        f.onlyKeys(v, at, Set.of("exit", "mentions", "thenConverges"));
        JsonNode exit = v.get("exit");
        if (exit == null || !exit.isInt() || !allowed.contains(exit.asInt())) {
            throw f.error(at + ".exit", "exit code " + allowed.stream().sorted().map(String::valueOf).reduce((a, b) -> a + " or " + b)
                    .orElse(""), exit);
        }
        return exit.asInt();
    }

    private boolean thenConverges(String at, JsonNode v) {
        JsonNode node = v.get("thenConverges");
        if (node != null && !node.isBoolean()) {
            throw f.error(at + ".thenConverges", "true or false", node);
        }
        return node != null && node.asBoolean();
    }

    private List<String> mentions(String at, JsonNode v) {
        return v.has("mentions") ? f.texts(v.get("mentions"), at + ".mentions") : List.of();
    }
}
