package io.driftgate.history.generative;

/** What is done by hand to a database plain Flyway migrated to a prefix of a generated history. */
enum DriftMode {
    /** (i) nothing: migrate must do exactly what plain Flyway does. */
    NOTHING,
    /** (ii) later migrations run by hand in order (their schema statements, no history rows): the incident. */
    RAN_BY_HAND,
    /** (ii) a random subset of later migrations' additive schema statements run by hand ("already exists"). */
    STATEMENTS_BY_HAND,
    /** (iii) the history table dropped, the schema left. */
    HISTORY_LOST,
    /** (iv) the last applied migration's history row marked failed. */
    FAILED_ROW
}
