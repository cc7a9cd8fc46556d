package io.driftgate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code driftgate scenarios [DIR]} in process: progress, summary, JUnit XML, Markdown, and the exit codes 0, 1 and 3. */
class ScenariosCommandTest {

    private static final Path FIXTURES = Path.of("fixtures/scenarios");


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void allPassingScenariosExit0WithAProgressLineEachAndASummaryTable(@TempDir Path dir) throws Exception {
        copy("empty-database", dir);
        copy("incident-expected-wage-no-history", dir);
        Path xml = dir.resolve("reports/scenarios.xml");

        CliRun r = run("scenarios", dir.toString(), "--junit-xml", xml.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("Running 2 scenario(s)", "PASS empty-database (", "PASS incident-expected-wage-no-history (")
                .contains("scenario", "result", "outcome", "2 scenario(s), 2 passed, 0 failed, wall time");
        assertThat(Files.readString(xml)).contains("<testsuite name=\"driftgate scenarios\" tests=\"2\" failures=\"0\"",
                "<testcase classname=\"driftgate.scenarios\" name=\"empty-database\"");
    }

    @Test
    void aFailingScenarioExits1AndMarkdownShowsWhatDiffered(@TempDir Path dir) throws Exception {
        Path wrong = copy("data-migration-refused", dir);
        String yaml = Files.readString(wrong.resolve("scenario.yaml"));
        Files.writeString(wrong.resolve("scenario.yaml"), yaml.substring(0, yaml.indexOf("expect:")) + "expect: converged\n");
        Path xml = dir.resolve("junit.xml");

        CliRun r = run("scenarios", dir.toString(), "--format", "markdown", "--junit-xml", xml.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.DRIFT);
        assertThat(r.err()).contains("FAIL data-migration-refused (", "expected converged (exit 0), got refused (exit 2)");
        assertThat(r.out()).startsWith("## driftgate scenarios").contains("| Scenario | Result | Time | Outcome |",
                "| `data-migration-refused` | ❌ **fail** |", "<details>", "REFUSED");
        assertThat(Files.readString(xml)).contains("failures=\"1\"", "<failure message=\"expected converged (exit 0), got refused (exit 2)\"");
    }

    @Test
    void aMalformedScenarioExits3BeforeAnythingRuns(@TempDir Path dir) throws Exception {
        copy("empty-database", dir);
        Path bad = dir.resolve("bad");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("scenario.yaml"), "description: x\nexpect: maybe\n");

        CliRun r = run("scenarios", dir.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(bad.resolve("scenario.yaml").toString(), "field 'expect'", "expected converged");
        assertThat(r.out()).doesNotContain("PASS");
    }

    @Test
    void aMissingFolderExits3() {
        CliRun r = run("scenarios", "no/such/folder");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("no/such/folder does not exist");
    }

    private static Path copy(String name, Path dir) throws Exception {
        return io.driftgate.scenarios.ScenarioFolders.copy(name, dir);
    }
}
