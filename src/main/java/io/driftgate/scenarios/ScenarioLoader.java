package io.driftgate.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.driftgate.failure.DriftgateException;
import io.driftgate.plan.Hazard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads {@code scenario.yaml} files and validates them on load: a mistake names the file, the field and
 * what was expected, and is bad input (exit 3) before any scenario runs.
 */
public final class ScenarioLoader {

    public static final String FILE = "scenario.yaml";
    public static final String DEFAULT_MIGRATIONS = "fixtures/app/db/migration";
    private static final Set<String> FIELDS = Set.of("description", "migrations", "schemas", "start", "run", "expect", "survive");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path repository;

    /** @param repository the folder {@code migrations:} paths are relative to (the repository root) */
    public ScenarioLoader(Path repository) {
        this.repository = repository;
    }

    /** Every folder under {@code dir} with a scenario.yaml, sorted by name. */
    public List<Scenario> loadAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw DriftgateException.badInput("scenario folder " + dir + " does not exist");
        }
        List<Path> folders;
        try (Stream<Path> children = Files.list(dir)) {
            folders = children.filter(p -> Files.isRegularFile(p.resolve(FILE))).sorted().toList();
        } catch (IOException e) {
            throw DriftgateException.badInput("cannot list " + dir + ": " + e.getMessage());
        }
        if (folders.isEmpty()) {
            throw DriftgateException.badInput("no scenarios in " + dir + " (expected folders holding a " + FILE + ")");
        }
        return folders.stream().map(this::load).toList();
    }

    public Scenario load(Path folder) {
        Path file = folder.resolve(FILE);
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw DriftgateException.badInput(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        Fields f = new Fields(file);
        if (root == null || !root.isObject()) {
            throw f.error("(top level)", "a mapping with description, start, run and expect", root);
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw f.error(name, "one of " + String.join(", ", FIELDS.stream().sorted().toList()), root.get(name));
            }
        });
        String description = f.text(root, "description").filter(s -> !s.isBlank())
                .orElseThrow(() -> f.error("description", "one sentence a user recognises", root.get("description")));
        List<Path> migrations = migrations(f, folder, root.get("migrations"));
        List<String> schemas = root.has("schemas") ? f.texts(root.get("schemas"), "schemas") : List.of("public");
        if (schemas.isEmpty()) {
            throw f.error("schemas", "at least one schema name", root.get("schemas"));
        }
        List<StartStep> start = new StartSteps(f, folder).parse(root.get("start"));
        Scenario.Run run = run(f, root.get("run"));
        Expectation expect = new Expectations(f).parse(root.get("expect"));
        List<Scenario.Survivor> survive = new ArrayList<>();
        if (root.has("survive")) {
            for (String s : f.texts(root.get("survive"), "survive")) {
                survive.add(survivor(f, s, schemas.get(0)));
            }
        }
        return new Scenario(folder.getFileName().toString(), folder, description, migrations, schemas, start, run, expect, survive);
    }

    /** A folder, or a list of folders layered in order (the fixture app plus the scenario's own V6, say). */
    private List<Path> migrations(Fields f, Path folder, JsonNode node) {
        if (node == null) {
            Path own = folder.resolve("migrations");
            return List.of(Files.isDirectory(own) ? own : repository.resolve(DEFAULT_MIGRATIONS));
        }
        if (node.isTextual()) {
            return List.of(folder(f, folder, node));
        }
        if (node.isArray() && !node.isEmpty()) {
            List<Path> folders = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw f.error("migrations", "a list of folders", node);
                }
                folders.add(folder(f, folder, item));
            }
            return folders;
        }
        throw f.error("migrations", "a folder, or a list of folders: relative to the repository, or inside the scenario", node);
    }

    private Path folder(Fields f, Path folder, JsonNode node) {
        Path inScenario = folder.resolve(node.asText());
        Path path = Files.isDirectory(inScenario) ? inScenario : repository.resolve(node.asText());
        if (!Files.isDirectory(path)) {
            throw f.error("migrations", "an existing folder (looked for " + inScenario + " and " + path + ")", node);
        }
        return path;
    }

    private static Scenario.Run run(Fields f, JsonNode node) {
        if (node == null) {
            return new Scenario.Run(Set.of(), Set.of(), Set.of(), 1, Optional.empty());
        }
        f.onlyKeys(node, "run", Set.of("command", "assumeApplied", "rerun", "allow", "deploysAtOnce", "killWhileWaitingOn"));
        String command = f.text(node, "command").orElse("migrate");
        if (!command.equals("migrate")) {
            throw f.error("run.command", "migrate (the only command scenarios run)", node.get("command"));
        }
        Set<String> allow = Set.copyOf(node.has("allow") ? f.texts(node.get("allow"), "run.allow") : List.of());
        for (String hazard : allow) {
            if (Hazard.parse(hazard).isEmpty()) {
                throw f.error("run.allow", "hazard names: " + Hazard.names(), node.get("allow"));
            }
        }
        int deploys = 1;
        if (node.has("deploysAtOnce")) {
            JsonNode d = node.get("deploysAtOnce");
            if (!d.isInt() || d.asInt() < 1 || d.asInt() > 8) {
                throw f.error("run.deploysAtOnce", "a number from 1 to 8", d);
            }
            deploys = d.asInt();
        }
        return new Scenario.Run(
                Set.copyOf(node.has("assumeApplied") ? f.texts(node.get("assumeApplied"), "run.assumeApplied") : List.of()),
                Set.copyOf(node.has("rerun") ? f.texts(node.get("rerun"), "run.rerun") : List.of()), allow, deploys,
                f.text(node, "killWhileWaitingOn"));
    }

    private static Scenario.Survivor survivor(Fields f, String text, String defaultSchema) {
        String[] words = text.trim().split("\\s+", 2);
        Optional<Scenario.Survivor.Kind> kind = Stream.of(Scenario.Survivor.Kind.values())
                .filter(k -> k.name().equalsIgnoreCase(words[0])).findFirst();
        if (kind.isEmpty() || words.length < 2) {
            throw f.error("survive", "entries like 'table extra_audit', 'column candidate.note' or 'index app.idx_x'", YAML.valueToTree(text));
        }
        List<String> parts = List.of(words[1].split("\\."));
        boolean column = kind.get() == Scenario.Survivor.Kind.COLUMN;
        int bare = column ? 2 : 1;
        if (parts.size() != bare && parts.size() != bare + 1) {
            throw f.error("survive", (column ? "column [schema.]table.column" : kind.get().name().toLowerCase(java.util.Locale.ROOT) + " [schema.]name"),
                    YAML.valueToTree(text));
        }
        String schema = parts.size() > bare ? parts.get(0) : defaultSchema;
        List<String> rest = parts.subList(parts.size() - bare, parts.size());
        return new Scenario.Survivor(kind.get(), schema, rest.get(0), column ? rest.get(1) : "");
    }

    /** Field access that fails with the file, the field and what was expected. */
    record Fields(Path file) {

        DriftgateException error(String field, String expected, JsonNode found) {
            String what = found == null || found.isMissingNode() ? "nothing" : found.isTextual() ? "'" + found.asText() + "'" : found.toString();
            return DriftgateException.badInput(file + ": field '" + field + "': expected " + expected + ", found " + what);
        }

        Optional<String> text(JsonNode node, String field) {
            JsonNode v = node.get(field);
            if (v == null) {
                return Optional.empty();
            }
            if (!v.isTextual() && !v.isNumber()) {
                throw error(field, "a text", v);
            }
            return Optional.of(v.asText());
        }

        /** A list of texts, or one text as a list of one. */
        List<String> texts(JsonNode node, String field) {
            if (node != null && (node.isTextual() || node.isNumber())) {
                return List.of(node.asText());
            }
            if (node == null || !node.isArray()) {
                throw error(field, "a list of texts", node);
            }
            List<String> result = new ArrayList<>();
            for (JsonNode n : node) {
                if (!n.isTextual() && !n.isNumber()) {
                    throw error(field, "a list of texts", node);
                }
                result.add(n.asText());
            }
            return List.copyOf(result);
        }

        void onlyKeys(JsonNode node, String field, Set<String> keys) {
            if (!node.isObject()) {
                throw error(field, "a mapping with " + String.join(", ", keys.stream().sorted().toList()), node);
            }
            node.fieldNames().forEachRemaining(k -> {
                if (!keys.contains(k)) {
                    throw error(field + "." + k, "one of " + String.join(", ", keys.stream().sorted().toList()), node.get(k));
                }
            });
        }

        Map<String, JsonNode> single(JsonNode node, String field, String expected) {
            if (node == null || !node.isObject() || node.size() != 1) {
                throw error(field, expected, node);
            }
            Map<String, JsonNode> one = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> one.put(e.getKey(), e.getValue()));
            return one;
        }
    }
}
