package io.driftgate.providers;

import io.driftgate.db.DatabaseUrl;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the provider: {@code DRIFTGATE_PG} if set; else Testcontainers when a Docker engine answers, falling
 * back to the embedded PostgreSQL when the container does not start; else the embedded PostgreSQL. A
 * missing Docker never means skipped tests. The major is {@code DRIFTGATE_PG_VERSION} (13 to 18), else the
 * major of {@code DRIFTGATE_PG_IMAGE}'s tag, else {@value PostgresMajor#DEFAULT}.
 */
public final class ProviderSelector {

    public static final String SETTING = "DRIFTGATE_PG";
    public static final String URL_SETTING = "DRIFTGATE_PG_URL";
    public static final String IMAGE_SETTING = "DRIFTGATE_PG_IMAGE";

    private ProviderSelector() {
    }

    /** The provider, the major it starts, and the sentence that says why it was picked. */
    public record Choice(PostgresProvider provider, int major, String reason) {
    }

    public static Choice choose(Map<String, String> env) {
        Optional<String> image = Optional.ofNullable(env.get(IMAGE_SETTING)).map(String::trim).filter(s -> !s.isEmpty());
        boolean majorGiven = env.containsKey(PostgresMajor.SETTING) && !env.get(PostgresMajor.SETTING).isBlank();
        int major = majorGiven ? PostgresMajor.fromEnvironment(env)
                : image.flatMap(ContainerProvider::majorOf).filter(m -> m >= PostgresMajor.OLDEST && m <= PostgresMajor.NEWEST)
                        .orElse(PostgresMajor.DEFAULT);
        PostgresProvider container = image.map(ContainerProvider::new).map(c -> majorGiven ? c.forMajor(major) : c)
                .orElseGet(() -> ContainerProvider.official(major));
        EmbeddedProvider embedded = new EmbeddedProvider(major, env);
        String explicit = Optional.ofNullable(env.get(SETTING)).map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("");
        switch (explicit) {
            case "" -> {
                // automatic, below
            }
            case ExternalProvider.NAME -> {
                String url = Optional.ofNullable(env.get(URL_SETTING)).filter(s -> !s.isBlank())
                        .orElseThrow(() -> new ProviderSettingException(SETTING + "=external needs " + URL_SETTING
                                + ", e.g. " + URL_SETTING + "=postgres://postgres:password@127.0.0.1:5432/postgres"));
                return new Choice(new ExternalProvider(DatabaseUrl.parse(url, Optional.empty(), Optional.empty(), env)),
                        major, SETTING + "=external (the server's own major)");
            }
            case ContainerProvider.NAME -> {
                return new Choice(container, major, SETTING + "=docker");
            }
            case EmbeddedProvider.NAME -> {
                return new Choice(embedded, major, SETTING + "=embedded");
            }
            default -> throw new ProviderSettingException(SETTING + "=" + explicit
                    + " is not a provider: use docker, embedded or external");
        }
        DockerProbe.Status docker = DockerProbe.probe(env);
        if (docker.usable()) {
            return new Choice(new FallbackProvider(container, embedded), major,
                    docker.reason() + ", so a container (the embedded PostgreSQL if it does not start)");
        }
        return new Choice(embedded, major, docker.reason() + ", so the embedded PostgreSQL");
    }
}
