package io.driftgate.scenarios;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses the {@code start:} list of a scenario.yaml. */
final class StartSteps {

    private static final String KINDS = "one of flyway: {target: \"2\"}, sql: FILE.sql, byHand: [V1, V2], "
            + "history: {delete: [..]} | {fail: \"3\"} | {checksum: {\"2\": 123}}, seed: FILE.sql";

    private final ScenarioLoader.Fields f;
    private final Path folder;

    StartSteps(ScenarioLoader.Fields f, Path folder) {
        this.f = f;
        this.folder = folder;
    }

    List<StartStep> parse(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw f.error("start", "a list of steps, each " + KINDS, node);
        }
        List<StartStep> steps = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            steps.add(step("start[" + i + "]", node.get(i)));
        }
        return List.copyOf(steps);
    }

    private StartStep step(String field, JsonNode node) {
        Map.Entry<String, JsonNode> e = f.single(node, field, KINDS).entrySet().iterator().next();
        JsonNode v = e.getValue();
        String at = field + "." + e.getKey();
        return switch (e.getKey()) {
            case "flyway" -> {
                f.onlyKeys(v, at, java.util.Set.of("target"));
                yield new StartStep.FlywayTo(f.text(v, "target").orElse("latest"));
            }
            case "sql" -> new StartStep.Sql(file(at, v));
            case "seed" -> new StartStep.Seed(file(at, v));
            case "byHand" -> {
                List<String> versions = f.texts(v, at);
                versions.forEach(s -> {
                    if (!s.matches("V[0-9][0-9._]*")) {
                        throw f.error(at, "migration versions like V1, V2", v);
                    }
                });
                yield new StartStep.ByHand(versions);
            }
            case "history" -> history(at, v);
            default -> throw f.error(field, KINDS, node);
        };
    }

    private StartStep history(String at, JsonNode v) {
        Map.Entry<String, JsonNode> e = f.single(v, at, "delete: [versions], fail: version or checksum: {version: number}")
                .entrySet().iterator().next();
        String field = at + "." + e.getKey();
        return switch (e.getKey()) {
            case "delete" -> new StartStep.HistoryDelete(f.texts(e.getValue(), field));
            case "fail" -> new StartStep.HistoryFail(f.texts(e.getValue(), field).get(0));
            case "checksum" -> {
                if (!e.getValue().isObject() || e.getValue().isEmpty()) {
                    throw f.error(field, "a mapping of version to checksum, e.g. {\"2\": 12345}", e.getValue());
                }
                Map<String, Integer> sums = new LinkedHashMap<>();
                e.getValue().fields().forEachRemaining(x -> {
                    if (!x.getValue().isInt()) {
                        throw f.error(field + "." + x.getKey(), "an integer checksum", x.getValue());
                    }
                    sums.put(x.getKey(), x.getValue().asInt());
                });
                yield new StartStep.HistoryChecksum(sums);
            }
            default -> throw f.error(at, "delete, fail or checksum", v);
        };
    }

    private Path file(String field, JsonNode v) {
        if (v == null || !v.isTextual() || !v.asText().endsWith(".sql")) {
            throw f.error(field, "the name of a .sql file in " + folder, v);
        }
        Path file = folder.resolve(v.asText());
        if (!Files.isRegularFile(file)) {
            throw f.error(field, "an existing file (" + file + " does not exist)", v);
        }
        return file;
    }
}
