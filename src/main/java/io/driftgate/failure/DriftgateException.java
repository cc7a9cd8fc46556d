package io.driftgate.failure;

import java.util.Objects;

/**
 * A failure with a sentence for the person running driftgate: what was wrong, where, and what to do.
 * Users see the message without a stack trace; {@code --verbose} shows the cause.
 */
public class DriftgateException extends RuntimeException {

    private final Failure failure;

    public DriftgateException(Failure failure, String message) {
        super(message);
        this.failure = Objects.requireNonNull(failure);
    }

    public DriftgateException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure);
    }

    public Failure failure() {
        return failure;
    }

    public static DriftgateException badInput(String message) {
        return new DriftgateException(Failure.BAD_INPUT, message);
    }

    public static DriftgateException database(String message, Throwable cause) {
        return new DriftgateException(Failure.DATABASE, message, cause);
    }

    public static DriftgateException refused(String message) {
        return new DriftgateException(Failure.REFUSED, message);
    }
}
