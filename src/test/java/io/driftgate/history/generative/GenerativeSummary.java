package io.driftgate.history.generative;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts of one run of the generative test, printed as its summary line. */
final class GenerativeSummary {

    enum Outcome { CONVERGED, REFUSED, FAILED }

    private final long started = System.nanoTime();
    int generated;
    int invalid;
    int cases;
    int passed;
    int dataStatements;
    int commits;
    int concurrentMigrations;
    final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    final Map<DriftMode, Map<Outcome, Integer>> byMode = new EnumMap<>(DriftMode.class);
    final Map<String, Integer> invalidReasons = new TreeMap<>();
    final List<Long> failingSeeds = new ArrayList<>();
    /** Named exclusions: what the generator or a drift left out, and how often (never silent). */
    final Map<String, Integer> exclusions = new TreeMap<>();

    synchronized void invalid(String reason) {
        invalid++;
        invalidReasons.merge(reason, 1, Integer::sum);
    }

    synchronized void history(GeneratedHistory h) {
        generated++;
        dataStatements += (int) h.count(GeneratedHistory.Kind.DATA);
        commits += (int) h.count(GeneratedHistory.Kind.COMMIT);
        concurrentMigrations += (int) h.migrations().stream().filter(GeneratedHistory.Migration::concurrent).count();
        h.avoided().forEach((k, v) -> exclusions.merge(k, v, Integer::sum));
    }

    synchronized void outcome(DriftMode mode, Outcome outcome, boolean ok) {
        cases++;
        if (ok) {
            passed++;
        }
        outcomes.merge(outcome, 1, Integer::sum);
        byMode.computeIfAbsent(mode, m -> new EnumMap<>(Outcome.class)).merge(outcome, 1, Integer::sum);
    }

    synchronized void excluded(String name, int count) {
        if (count > 0) {
            exclusions.merge(name, count, Integer::sum);
        }
    }

    synchronized void failed(long seed) {
        if (!failingSeeds.contains(seed)) {
            failingSeeds.add(seed);
        }
    }

    int count(DriftMode mode, Outcome outcome) {
        return byMode.getOrDefault(mode, Map.of()).getOrDefault(outcome, 0);
    }

    synchronized String line() {
        double seconds = (System.nanoTime() - started) / 1e9;
        int valid = generated - invalid;
        return String.format(java.util.Locale.ROOT,
                "generative histories: %d generated, %d valid (%d discarded: plain Flyway fails them %s), %d cases (prefix + drift) "
                        + "in %.1f s (%.2f histories/s, %.2f cases/s); outcomes %s; by mode %s; pass rate %d/%d = %.1f%%; "
                        + "statements: %d data, %d in-script COMMIT, %d CONCURRENTLY migrations; exclusions %s; failing seeds %s",
                generated, valid, invalid, invalidReasons, cases, seconds, valid / seconds, cases / seconds, outcomes, byMode,
                passed, cases, cases == 0 ? 0 : 100.0 * passed / cases, dataStatements, commits, concurrentMigrations, exclusions, failingSeeds);
    }
}
