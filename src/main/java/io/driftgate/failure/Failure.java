package io.driftgate.failure;

/** What kind of failure stopped a run; the CLI maps each to the contract's exit code in one place. */
public enum Failure {
    /** A hazard not allowed, an unprovable migration: a human must decide; nothing was changed. */
    REFUSED,
    /** Bad input or configuration: a URL, a location, a file, an option. */
    BAD_INPUT,
    /** The database: unreachable, auth, permission, SQL failure, rolled back. */
    DATABASE
}
