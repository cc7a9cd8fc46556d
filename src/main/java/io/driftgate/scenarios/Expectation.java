package io.driftgate.scenarios;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the run must end in. */
public sealed interface Expectation {

    /**
     * The database equals the migrations; optionally exactly these versions were recorded as applied and
     * Flyway ran this many; rows of {@code rowsMayChange} tables may differ (a data migration re-run).
     */
    record Converged(Optional<List<String>> recorded, Optional<Integer> flywayRan, Set<String> rowsMayChange) implements Expectation {
        public Converged {
            recorded = recorded.map(List::copyOf);
            rowsMayChange = Set.copyOf(rowsMayChange);
        }
    }

    /** A human must decide (exit 2); the output mentions each text; nothing changed. */
    record Refused(int exit, List<String> mentions, boolean thenConverges) implements Expectation {
        public Refused {
            mentions = List.copyOf(mentions);
        }
    }

    /**
     * An error (exit 3 or 4) whose message mentions each text; nothing changed; with {@code thenConverges},
     * a plain rerun afterwards converges (a kill or a transient failure).
     */
    record Error(int exit, List<String> mentions, boolean thenConverges) implements Expectation {
        public Error {
            mentions = List.copyOf(mentions);
        }
    }
}
