package io.driftgate.scenarios;

import io.driftgate.model.SchemaModel;
import io.driftgate.providers.SharedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runner's proofs can fail: a wrong expectation is caught and said precisely. */
class ScenarioRunnerTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader(Path.of(""));
    private static ScenarioRunner runner;

    @BeforeAll
    static void start() {
        runner = new ScenarioRunner(SharedPostgres.databases(), ScenarioSuiteTest.ENV, 2);
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    @Test
    void expectingConvergenceWhereDriftgateRefusesFailsWithTheRefusalInTheLog(@TempDir Path dir) throws Exception {
        Path folder = copyWithExpectation(dir, "data-migration-refused", "expect: converged\n");
        ScenarioResult result = runner.run(LOADER.load(folder));
        ScenarioResultAssert.assertThat(result).endedIn("refused").failedWith("expected converged (exit 0), got refused (exit 2)")
                .failedWith("Flyway still sees");
        assertThat(result.explain()).contains("REFUSED", "V6", "migrate log:");
        assertThatThrownBy(() -> ScenarioResultAssert.assertThat(result).passed())
                .isInstanceOf(AssertionError.class).hasMessageContaining("did not end as expected").hasMessageContaining("REFUSED");
    }

    @Test
    void expectingARefusalWhereDriftgateRecoversFailsAndSaysWhatChanged(@TempDir Path dir) throws Exception {
        Path folder = copyWithExpectation(dir, "incident-expected-wage-no-history",
                "expect: {refused: {exit: 2, mentions: V3}}\nsurvive: [table no_such_table]\n");
        ScenarioResult result = runner.run(LOADER.load(folder));
        ScenarioResultAssert.assertThat(result).endedIn("converged")
                .failedWith("expected exit 2, got converged")
                .failedWith("the database was changed although the run stopped: Flyway's history changed")
                .failedWith("table public.no_such_table must survive the run but is gone");
    }

    @Test
    void wrongRecordedVersionsAndFlywayCountAreCaught(@TempDir Path dir) throws Exception {
        Path folder = copyWithExpectation(dir, "incident-expected-wage-no-history",
                "expect: {converged: {recorded: ['1', '2'], flywayRan: 3}}\n");
        ScenarioResult result = runner.run(LOADER.load(folder));
        ScenarioResultAssert.assertThat(result).failedWith("expected versions [1, 2] recorded as applied, got [1, 2, 3]")
                .failedWith("expected Flyway to run 3 migration(s), it ran 2");
    }

    @Test
    void aStartingStateThatCannotBeBuiltIsAFailureNotACrash(@TempDir Path dir) throws Exception {
        Path folder = ScenarioLoaderTest.scenario(dir, "bad-start", "description: x\nstart: [{sql: broken.sql}]\nexpect: converged\n");
        Files.writeString(folder.resolve("broken.sql"), "CREATE TABLE (;");
        ScenarioResult result = runner.run(LOADER.load(folder));
        ScenarioResultAssert.assertThat(result).endedIn("not run").failedWith("syntax error");
    }

    @Test
    void schemaAssertListsTheDriftAndIgnoresExtras() throws Exception {
        Path folder = ScenarioSuiteTest.SCENARIOS.resolve("extra-table-kept");
        ScenarioResult result = runner.run(LOADER.load(folder));
        SchemaModel live = result.live().orElseThrow();
        SchemaModel reference = result.reference().orElseThrow();
        SchemaAssert.assertThat(live).isEquivalentTo(reference);
        assertThatThrownBy(() -> SchemaAssert.assertThat(live).hasNoExtrasComparedTo(reference))
                .hasMessageContaining("extra_table: table public.report_snapshot is not declared anywhere (kept)");
        assertThatThrownBy(() -> SchemaAssert.assertThat(SchemaModel.empty(live.schemas())).isEquivalentTo(reference))
                .hasMessageContaining("missing_table: table public.candidate is missing");
    }

    /** A fixture scenario with another expectation, in a temporary folder. */
    private static Path copyWithExpectation(Path dir, String name, String expectation) throws Exception {
        Path target = ScenarioFolders.copy(name, dir);
        String yaml = Files.readString(target.resolve(ScenarioLoader.FILE));
        yaml = yaml.substring(0, yaml.indexOf("expect:")) + expectation;
        Files.writeString(target.resolve(ScenarioLoader.FILE), yaml);
        return target;
    }
}
