package io.driftgate.scenarios;

import io.driftgate.failure.DriftgateException;
import io.driftgate.failure.Failure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scenario.yaml format: what it means, and that every mistake names the file, the field and what was expected. */
class ScenarioLoaderTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader(Path.of(""));

    @Test
    void everyFixtureScenarioLoadsAndTheCatalogueIsCovered() {
        List<Scenario> all = LOADER.loadAll(ScenarioSuiteTest.SCENARIOS);
        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        assertThat(all).extracting(Scenario::name).doesNotHaveDuplicates()
                .contains("incident-expected-wage-no-history", "hbm2ddl-update-built-the-schema", "restored-dump-without-history",
                        "two-deploys-at-once", "data-migration-refused", "unique-over-duplicates-refused", "non-public-schema-no-history");
        assertThat(all).allSatisfy(s -> assertThat(s.description()).isNotBlank());
        assertThat(all).anyMatch(s -> s.expect() instanceof Expectation.Refused)
                .anyMatch(s -> s.expect() instanceof Expectation.Error e && e.exit() == 3)
                .anyMatch(s -> s.expect() instanceof Expectation.Error e && e.exit() == 4);
    }

    @Test
    void aFullScenarioReadsAsWritten(@TempDir Path dir) throws Exception {
        Path folder = scenario(dir, "full", """
                description: The deploy died with column expected_wage already exists
                schemas: [public]
                start:
                  - flyway: {target: "2"}
                  - byHand: [V3]
                  - sql: drift.sql
                  - history: {delete: ["1"]}
                  - history: {fail: "2"}
                  - history: {checksum: {"2": 12345}}
                  - seed: seed.sql
                run: {command: migrate, assumeApplied: ["6"], rerun: [7], allow: [table-rewrite], deploysAtOnce: 2}
                expect:
                  converged: {recorded: ["3"], flywayRan: 2, rowsMayChange: [candidate]}
                survive: [table extra, column public.candidate.note, index idx_x]
                """);
        Files.writeString(folder.resolve("drift.sql"), "select 1;");
        Files.writeString(folder.resolve("seed.sql"), "select 1;");

        Scenario s = LOADER.load(folder);

        assertThat(s.name()).isEqualTo("full");
        assertThat(s.migrations()).containsExactly(Path.of(ScenarioLoader.DEFAULT_MIGRATIONS));
        assertThat(s.start()).containsExactly(new StartStep.FlywayTo("2"), new StartStep.ByHand(List.of("V3")),
                new StartStep.Sql(folder.resolve("drift.sql")), new StartStep.HistoryDelete(List.of("1")), new StartStep.HistoryFail("2"),
                new StartStep.HistoryChecksum(java.util.Map.of("2", 12345)), new StartStep.Seed(folder.resolve("seed.sql")));
        assertThat(s.run()).isEqualTo(new Scenario.Run(Set.of("6"), Set.of("7"), Set.of("table-rewrite"), 2, Optional.empty()));
        assertThat(s.expect()).isEqualTo(new Expectation.Converged(Optional.of(List.of("3")), Optional.of(2), Set.of("candidate")));
        assertThat(s.survive()).containsExactly(
                new Scenario.Survivor(Scenario.Survivor.Kind.TABLE, "public", "extra", ""),
                new Scenario.Survivor(Scenario.Survivor.Kind.COLUMN, "public", "candidate", "note"),
                new Scenario.Survivor(Scenario.Survivor.Kind.INDEX, "public", "idx_x", ""));
    }

    @Test
    void aScenarioWithItsOwnMigrationsFolderUsesIt(@TempDir Path dir) throws Exception {
        Path folder = scenario(dir, "own", "description: own\nexpect: {refused: {exit: 2, mentions: V6}}\n");
        Path killed = scenario(dir, "killed", "description: killed\nrun: {killWhileWaitingOn: candidate_job}\n"
                + "expect: {error: {exit: 4, mentions: [killed], thenConverges: true}}\n");
        assertThat(LOADER.load(killed).run().killWhileWaitingOn()).contains("candidate_job");
        assertThat(LOADER.load(killed).expect()).isEqualTo(new Expectation.Error(4, List.of("killed"), true));
        Files.createDirectories(folder.resolve("migrations"));
        Scenario s = LOADER.load(folder);
        assertThat(s.migrations()).containsExactly(folder.resolve("migrations"));
        assertThat(s.expect()).isEqualTo(new Expectation.Refused(2, List.of("V6"), false));
        assertThat(s.start()).isEmpty();
    }

    @Test
    void migrationFoldersLayerInOrder(@TempDir Path dir) throws Exception {
        Path folder = scenario(dir, "layered", "description: layered\nmigrations: [fixtures/app/db/migration, migrations]\n"
                + "expect: converged\n");
        Files.createDirectories(folder.resolve("migrations"));
        Scenario s = LOADER.load(folder);
        assertThat(s.migrations()).containsExactly(Path.of("fixtures/app/db/migration"), folder.resolve("migrations"));
        assertThat(s.locations()).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("filesystem:/"));

        Path bad = scenario(dir, "bad", "description: bad\nmigrations: [fixtures/app/db/migration, 7]\nexpect: converged\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LOADER.load(bad))
                .hasMessageContaining("field 'migrations'").hasMessageContaining("a list of folders");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown field         | description: x\\nexpect: converged\\nexpct: converged                | field 'expct': expected one of
            no description        | expect: converged                                                   | field 'description': expected one sentence
            no expect             | description: x                                                      | field 'expect': expected converged
            bad expect            | description: x\\nexpect: succeeded                                  | field 'expect': expected converged
            refused with exit 4   | description: x\\nexpect: {refused: {exit: 4}}                       | field 'expect.refused.exit': expected exit code 2, found 4
            error with exit 2     | description: x\\nexpect: {error: {exit: 2}}                         | field 'expect.error.exit': expected exit code 3 or 4
            unknown step          | description: x\\nexpect: converged\\nstart: [{psql: a.sql}]         | field 'start[0]': expected one of flyway
            missing sql file      | description: x\\nexpect: converged\\nstart: [{sql: nope.sql}]       | field 'start[0].sql': expected an existing file
            not a version         | description: x\\nexpect: converged\\nstart: [{byHand: [3]}]         | field 'start[0].byHand': expected migration versions like V1
            bad history edit      | description: x\\nexpect: converged\\nstart: [{history: {drop: [1]}}] | field 'start[0].history': expected delete, fail or checksum
            bad checksum          | description: x\\nexpect: converged\\nstart: [{history: {checksum: {'2': abc}}}] | field 'start[0].history.checksum.2': expected an integer checksum
            other command         | description: x\\nexpect: converged\\nrun: {command: repair}         | field 'run.command': expected migrate
            unknown hazard        | description: x\\nexpect: converged\\nrun: {allow: [YOLO]}           | field 'run.allow': expected hazard names: DATA_LOSS
            bad survivor          | description: x\\nexpect: converged\\nsurvive: [view v]              | field 'survive': expected entries like
            missing migrations    | description: x\\nexpect: converged\\nmigrations: no/such/folder     | field 'migrations': expected an existing folder
            bad thenConverges     | description: x\\nexpect: {error: {exit: 4, thenConverges: maybe}}  | field 'expect.error.thenConverges': expected true or false
            not yaml              | description: {a: [b                                                 | not valid YAML
            """)
    void aMalformedScenarioIsBadInputNamingFileFieldAndExpectation(String why, String yaml, String message, @TempDir Path dir) throws Exception {
        Path folder = scenario(dir, "broken", yaml.replace("\\n", "\n"));
        assertThatThrownBy(() -> LOADER.load(folder))
                .isInstanceOf(DriftgateException.class)
                .satisfies(e -> assertThat(((DriftgateException) e).failure()).isEqualTo(Failure.BAD_INPUT))
                .hasMessageContaining(folder.resolve(ScenarioLoader.FILE).toString())
                .hasMessageContaining(message.strip());
    }

    @Test
    void aFolderWithoutScenariosIsBadInput(@TempDir Path dir) {
        assertThatThrownBy(() -> LOADER.loadAll(dir)).isInstanceOf(DriftgateException.class).hasMessageContaining("no scenarios in");
        assertThatThrownBy(() -> LOADER.loadAll(dir.resolve("missing"))).hasMessageContaining("does not exist");
    }

    static Path scenario(Path dir, String name, String yaml) throws Exception {
        Path folder = dir.resolve(name);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(ScenarioLoader.FILE), yaml);
        return folder;
    }
}
