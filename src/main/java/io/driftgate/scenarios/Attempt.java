package io.driftgate.scenarios;

import io.driftgate.failure.DriftgateException;
import io.driftgate.history.MigrateResult;

import java.util.List;
import java.util.Optional;

/** What one {@code migrate} did, as the CLI would report it: the exit code, the message and the log. */
record Attempt(int exit, Optional<MigrateResult> result, String message, List<String> log, boolean unexpected) {

    Attempt {
        log = List.copyOf(log);
    }

    static Attempt of(MigrateResult result) {
        int exit = result.outcome() == MigrateResult.Outcome.REFUSED ? 2 : 0;
        return new Attempt(exit, Optional.of(result), result.outcome().name(), result.log(), false);
    }

    static Attempt of(RuntimeException e, List<String> log) {
        if (e instanceof DriftgateException d) {
            int exit = switch (d.failure()) {
                case REFUSED -> 2;
                case BAD_INPUT -> 3;
                case DATABASE -> 4;
            };
            return new Attempt(exit, Optional.empty(), d.getMessage(), log, false);
        }
        // the CLI reports anything else as a bug in driftgate, with exit 4
        return new Attempt(4, Optional.empty(), "driftgate failed unexpectedly: " + e, log, true);
    }

    boolean converged() {
        return result.map(r -> r.outcome() == MigrateResult.Outcome.CONVERGED).orElse(false);
    }

    /** For the summary: {@code converged}, {@code refused (exit 2)}, {@code error (exit 4): …}. */
    String describe() {
        if (converged()) {
            return "converged";
        }
        if (result.isPresent()) {
            return "refused (exit 2)";
        }
        return "error (exit " + exit + "): " + message;
    }

    /** The log and the message, where an expectation's {@code mentions} are looked for. */
    String output() {
        return String.join("\n", log) + "\n" + message;
    }
}
