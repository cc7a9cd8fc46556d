package io.driftgate.cli;

import io.driftgate.failure.DriftgateException;
import io.driftgate.providers.SharedPostgres;
import io.driftgate.scenarios.Scenario;
import io.driftgate.scenarios.ScenarioLoader;
import io.driftgate.scenarios.ScenarioResult;
import io.driftgate.scenarios.ScenarioRunner;
import io.driftgate.scenarios.SuiteReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = {"run a folder of scenarios, as the test suite does",
                "Each scenario gets its own database, runs 'driftgate migrate' and must end as its scenario.yaml says.",
                "Exit 0: all passed; 1: any failed; 3: a scenario file is malformed."})
final class ScenariosCommand implements Callable<Integer> {

    /** How the summary is written; Markdown suits a GitHub step summary. */
    enum Format { text, markdown }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "fixtures/scenarios",
            description = "folder of scenario folders (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--format", defaultValue = "text", description = "text or markdown (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--junit-xml", paramLabel = "FILE", description = "also write the results as JUnit XML")
    Optional<Path> junitXml = Optional.empty();

    @Option(names = "--threads", defaultValue = "3", description = "scenarios run at once (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--repository", defaultValue = ".", paramLabel = "DIR",
            description = "the folder scenario 'migrations:' paths are relative to (default: the current folder)")
    Path repository;

    @Option(names = {"-v", "--verbose"}, description = "every scenario's migrate log, and stack traces for unexpected errors")
    boolean verbose;

    @Override
    public Integer call() {
        if (threads < 1 || threads > 16) {
            throw DriftgateException.badInput("--threads must be between 1 and 16, not " + threads);
        }
        junitXml.ifPresent(ScenariosCommand::requireWritable); // before minutes of scenarios, not after
        List<Scenario> scenarios = new ScenarioLoader(repository).loadAll(dir);
        PrintWriter out = spec.commandLine().getOut();
        // with Markdown on stdout (for $GITHUB_STEP_SUMMARY) the progress goes to stderr
        PrintWriter progress = format == Format.markdown ? spec.commandLine().getErr() : out;
        progress.println("Running " + scenarios.size() + " scenario(s) from " + dir + " on " + threads + " thread(s)");
        progress.flush();
        long start = System.nanoTime();
        List<ScenarioResult> results;
        try (ScenarioRunner runner = new ScenarioRunner(SharedPostgres.databases(), System.getenv(), threads)) {
            results = runner.runAll(scenarios, r -> {
                progress.println(SuiteReport.progressLine(r));
                progress.flush();
            });
        }
        SuiteReport report = new SuiteReport(results, Duration.ofNanos(System.nanoTime() - start));
        out.print(format == Format.markdown ? report.markdown() : System.lineSeparator() + report.text(verbose));
        out.flush();
        if (junitXml.isPresent()) {
            Path file = junitXml.get();
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(file, io.driftgate.redact.Secrets.redact(report.junitXml()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw DriftgateException.badInput("cannot write the JUnit XML report to " + file + ": " + e.getMessage());
            }
        }
        return report.failed() == 0 ? ExitCodes.OK : ExitCodes.DRIFT;
    }

    private static void requireWritable(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException | RuntimeException e) {
            throw DriftgateException.badInput("cannot write the JUnit XML report to " + file + ": its folder cannot be created ("
                    + e.getMessage() + ")");
        }
        if (parent != null && !Files.isWritable(parent) || Files.isDirectory(file) || Files.exists(file) && !Files.isWritable(file)) {
            throw DriftgateException.badInput("cannot write the JUnit XML report to " + file + ": not a writable file; choose another --junit-xml");
        }
    }
}
