package io.driftgate.providers;

/** A provider setting ({@code DRIFTGATE_PG…}) is wrong: the user's configuration, exit 3, not a database failure. */
public final class ProviderSettingException extends ProviderException {
    public ProviderSettingException(String message) {
        super(message);
    }
}
