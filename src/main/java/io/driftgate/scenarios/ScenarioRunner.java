package io.driftgate.scenarios;

import io.driftgate.apply.RepairSettings;
import io.driftgate.db.ConnectionSettings;
import io.driftgate.diff.Drift;
import io.driftgate.history.MigrateOptions;
import io.driftgate.history.RecoveringMigrate;
import io.driftgate.model.QualifiedName;
import io.driftgate.model.SchemaModel;
import io.driftgate.plan.Hazard;
import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.providers.ThrowawayDatabases;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs scenarios the way users run driftgate: each in its own database (a copy of a template holding its
 * starting state), through {@link RecoveringMigrate}, the production code of {@code driftgate migrate};
 * then proves the expected outcome with {@link OutcomeProof}. Scenarios run on a small thread pool.
 */
public final class ScenarioRunner implements AutoCloseable {

    private final ThrowawayDatabases databases;
    private final Map<String, String> env;
    private final ExecutorService pool;
    private final References references;

    public ScenarioRunner(ThrowawayDatabases databases, Map<String, String> env, int threads) {
        this.databases = databases;
        this.env = Map.copyOf(env);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "scenario-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.references = new References(databases);
    }

    /** Starts a scenario on the pool. */
    public CompletableFuture<ScenarioResult> submit(Scenario scenario) {
        return CompletableFuture.supplyAsync(() -> run(scenario), pool);
    }

    /** Runs all, telling {@code onEach} as each finishes; results in the scenarios' order. */
    public List<ScenarioResult> runAll(List<Scenario> scenarios, Consumer<ScenarioResult> onEach) {
        List<CompletableFuture<ScenarioResult>> runs = scenarios.stream()
                .map(s -> submit(s).whenComplete((r, e) -> {
                    if (r != null) {
                        synchronized (onEach) {
                            onEach.accept(r);
                        }
                    }
                })).toList();
        return runs.stream().map(CompletableFuture::join).toList();
    }

    /** One scenario, start to verdict; never throws: whatever went wrong is in the result's problems. */
    public ScenarioResult run(Scenario s) {
        long start = System.nanoTime();
        List<String> problems = new ArrayList<>();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        String outcome = "not run";
        List<Drift> drift = List.of();
        Optional<SchemaModel> live = Optional.empty();
        Optional<SchemaModel> reference = Optional.empty();
        String template;
        try {
            template = "scn_" + StartingState.fingerprint(s);
        } catch (Exception e) {
            return failed(s, start, "cannot read the scenario's files: " + e.getMessage());
        }
        try (ThrowawayDatabase db = databases.fromTemplate(template, d -> StartingState.build(d, s))) {
            DatabaseState before = DatabaseState.take(db.settings(), s.schemas());
            List<Attempt> attempts = deploy(db.settings(), s, log);
            Attempt first = attempts.get(0);
            outcome = first.describe();
            OutcomeProof proof = new OutcomeProof(s, db.settings(), before, references, this::migrate);
            problems.addAll(proof.check(attempts));
            drift = proof.drift();
            live = proof.live();
            reference = proof.reference();
        } catch (Exception e) {
            problems.add("could not build the starting state or check the outcome: " + e.getMessage());
        }
        return new ScenarioResult(s, Duration.ofNanos(System.nanoTime() - start), outcome, problems, drift, log, live, reference);
    }

    /** One deploy, or several at once (each must wait for the other and find nothing left to do). */
    private List<Attempt> deploy(ConnectionSettings db, Scenario s, List<String> log) throws java.sql.SQLException {
        if (s.run().killWhileWaitingOn().isPresent()) {
            QualifiedName table = QualifiedName.of(s.schemas().get(0), s.run().killWhileWaitingOn().get());
            return List.of(KilledDeploy.run(db, table, log, () -> migrate(db, s, log)));
        }
        int n = s.run().deploysAtOnce();
        if (n == 1) {
            return List.of(migrate(db, s, log));
        }
        ExecutorService deploys = Executors.newFixedThreadPool(n);
        try {
            List<CompletableFuture<Attempt>> runs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<String> own = i == 0 ? log : Collections.synchronizedList(new ArrayList<>());
                runs.add(CompletableFuture.supplyAsync(() -> migrate(db, s, own), deploys));
            }
            return runs.stream().map(CompletableFuture::join).toList();
        } finally {
            deploys.shutdownNow();
        }
    }

    /** Exactly what {@code driftgate migrate} does for these options. */
    Attempt migrate(ConnectionSettings db, Scenario s, List<String> log) {
        MigrateOptions options = MigrateOptions.of(s.locations(), s.schemas())
                .withAssumeApplied(s.run().assumeApplied())
                .withRerun(s.run().rerun())
                .withRepair(RepairSettings.defaults().allowing(s.run().allow().stream()
                        .map(h -> Hazard.parse(h).orElseThrow()).collect(Collectors.toSet())));
        try {
            return Attempt.of(new RecoveringMigrate(env).migrate(db, options, log::add));
        } catch (RuntimeException e) {
            return Attempt.of(e, log);
        }
    }

    private static ScenarioResult failed(Scenario s, long start, String problem) {
        return new ScenarioResult(s, Duration.ofNanos(System.nanoTime() - start), "not run", List.of(problem), List.of(), List.of(),
                Optional.empty(), Optional.empty());
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** Migrates a scenario's database again, for the "second run changes nothing" proof. */
    @FunctionalInterface
    interface Deploy {
        Attempt migrate(ConnectionSettings db, Scenario s, List<String> log);
    }
}
