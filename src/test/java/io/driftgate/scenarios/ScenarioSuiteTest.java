package io.driftgate.scenarios;

import io.driftgate.providers.SharedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every folder under {@code fixtures/scenarios} as one test: a drifted starting state in its own real
 * PostgreSQL database, {@code driftgate migrate}'s own code on it, and the proof of the expected outcome.
 * All scenarios start at once on a small pool; each test waits for its own (at most 3 minutes, so a hanging
 * deploy fails its test instead of the build).
 */
class ScenarioSuiteTest {

    static final Path SCENARIOS = Path.of("fixtures/scenarios");
    static final Map<String, String> ENV = Map.of("DRIFTGATE_CACHE_DIR", "target/replay-cache");
    private static long started;
    private static int count;
    private static ScenarioRunner runner;

    @TestFactory
    Stream<DynamicTest> everyScenarioEndsAsItsFileSays() {
        started = System.nanoTime();
        List<Scenario> scenarios = new ScenarioLoader(Path.of("")).loadAll(SCENARIOS);
        count = scenarios.size();
        runner = new ScenarioRunner(SharedPostgres.databases(), ENV, 3);
        // submit all before JUnit asks for the first test, so they run in parallel
        List<CompletableFuture<ScenarioResult>> runs = scenarios.stream().map(runner::submit).toList();
        return IntStream.range(0, scenarios.size()).mapToObj(i -> {
            Scenario s = scenarios.get(i);
            return dynamicTest(s.name() + ": " + s.description(), s.folder().toUri(), () -> check(runs.get(i).get(3, TimeUnit.MINUTES)));
        });
    }

    private static void check(ScenarioResult result) {
        ScenarioResultAssert.assertThat(result).passed();
        if (result.scenario().expect() instanceof Expectation.Converged) {
            SchemaAssert.assertThat(result.live().orElseThrow()).isEquivalentTo(result.reference().orElseThrow());
        }
    }

    @AfterAll
    static void printWallTime() {
        if (runner != null) {
            runner.close();
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("Scenario suite: %d scenario(s), wall time %.1f s%n", count, wall.toMillis() / 1000.0);
    }
}
