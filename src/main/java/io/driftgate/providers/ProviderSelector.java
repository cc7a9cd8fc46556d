package io.driftgate.providers;

import io.driftgate.db.DatabaseUrl;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the provider: {@code DRIFTGATE_PG} if set; else Testcontainers when Docker is usable; else the
 * embedded PostgreSQL. A missing Docker never means skipped tests: it falls through to embedded.
 */
public final class ProviderSelector {

    public static final String SETTING = "DRIFTGATE_PG";
    public static final String URL_SETTING = "DRIFTGATE_PG_URL";
    public static final String IMAGE_SETTING = "DRIFTGATE_PG_IMAGE";

    private ProviderSelector() {
    }

    /** The provider and the sentence that says why it was picked. */
    public record Choice(PostgresProvider provider, String reason) {
    }

    public static Choice choose(Map<String, String> env) {
        String image = Optional.ofNullable(env.get(IMAGE_SETTING)).filter(s -> !s.isBlank())
                .orElse(ContainerProvider.DEFAULT_IMAGE);
        String explicit = Optional.ofNullable(env.get(SETTING)).map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("");
        switch (explicit) {
            case "" -> {
                // automatic, below
            }
            case ExternalProvider.NAME -> {
                String url = Optional.ofNullable(env.get(URL_SETTING)).filter(s -> !s.isBlank())
                        .orElseThrow(() -> new ProviderSettingException(SETTING + "=external needs " + URL_SETTING
                                + ", e.g. " + URL_SETTING + "=postgres://postgres@127.0.0.1:5432/postgres"));
                return new Choice(new ExternalProvider(DatabaseUrl.parse(url, Optional.empty(), Optional.empty(), env)),
                        SETTING + "=external");
            }
            case ContainerProvider.NAME -> {
                return new Choice(new ContainerProvider(image), SETTING + "=docker");
            }
            case EmbeddedProvider.NAME -> {
                return new Choice(new EmbeddedProvider(), SETTING + "=embedded");
            }
            default -> throw new ProviderSettingException(SETTING + "=" + explicit
                    + " is not a provider: use docker, embedded or external");
        }
        DockerProbe.Status docker = DockerProbe.probe(env);
        if (docker.usable()) {
            return new Choice(new ContainerProvider(image), docker.reason());
        }
        return new Choice(new EmbeddedProvider(), docker.reason() + ", so the embedded PostgreSQL");
    }
}
