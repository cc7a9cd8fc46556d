package io.driftgate.providers;

/** Where a PostgreSQL for tests, shadows and reproductions comes from. */
public interface PostgresProvider {

    /** {@code embedded}, {@code docker} or {@code external}, as {@code DRIFTGATE_PG} spells it. */
    String name();

    /** Starts (or connects to) the server. Throws {@link ProviderException} with what to do when it cannot. */
    PostgresServer start();
}
