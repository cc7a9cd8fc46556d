package io.driftgate.providers;

/** A PostgreSQL could not be had; the message says why and what to do, for the person reading it. */
public class ProviderException extends RuntimeException {
    public ProviderException(String message) {
        super(message);
    }

    public ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
