package io.driftgate.providers;

/** Where a PostgreSQL for tests, shadows and reproductions comes from. */
public sealed interface PostgresProvider permits EmbeddedProvider, ContainerProvider, ExternalProvider, FallbackProvider {

    /** {@code embedded}, {@code docker} or {@code external}, as {@code DRIFTGATE_PG} spells it. */
    String name();

    /** The same kind of server, of PostgreSQL {@code major}; an external server has the one major it has, so it returns itself. */
    PostgresProvider forMajor(int major);

    /** Starts (or connects to) the server. Throws {@link ProviderException} with what to do when it cannot. */
    PostgresServer start();
}
