package io.driftgate.cli;

import io.driftgate.failure.Failure;

/** The CLI contract's exit codes. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int DRIFT = 1;
    public static final int REFUSED = 2;
    public static final int BAD_INPUT = 3;
    public static final int DATABASE = 4;

    private ExitCodes() {
    }

    public static int of(Failure failure) {
        return switch (failure) {
            case REFUSED -> REFUSED;
            case BAD_INPUT -> BAD_INPUT;
            case DATABASE -> DATABASE;
        };
    }
}
