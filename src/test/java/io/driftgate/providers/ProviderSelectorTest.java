package io.driftgate.providers;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderSelectorTest {

    private static final Map<String, String> NO_DOCKER = Map.of("HOME", "/nonexistent-home");

    @Test
    void withoutDockerFallsThroughToEmbeddedAndSaysWhy() {
        // only meaningful where there is no /var/run/docker.sock, as on the machine CI runs on
        if (DockerProbe.probe(NO_DOCKER).usable()) {
            assertThat(ProviderSelector.choose(NO_DOCKER).provider().name()).isEqualTo("docker");
            return;
        }
        ProviderSelector.Choice choice = ProviderSelector.choose(NO_DOCKER);
        assertThat(choice.provider()).isInstanceOf(EmbeddedProvider.class);
        assertThat(choice.reason()).contains("no Docker").contains("embedded");
    }

    @Test
    void explicitSettingWins() {
        assertThat(ProviderSelector.choose(Map.of("DRIFTGATE_PG", "embedded")).provider()).isInstanceOf(EmbeddedProvider.class);
        assertThat(ProviderSelector.choose(Map.of("DRIFTGATE_PG", "docker")).provider()).isInstanceOf(ContainerProvider.class);
        ProviderSelector.Choice external = ProviderSelector.choose(
                Map.of("DRIFTGATE_PG", "External", "DRIFTGATE_PG_URL", "postgres://me:pw@db.example:5432/postgres"));
        assertThat(external.provider()).isInstanceOf(ExternalProvider.class);
        assertThat(external.provider().start().description())
                .contains("jdbc:postgresql://db.example:5432/postgres").doesNotContain("pw");
    }

    @Test
    void externalWithoutUrlSaysWhatIsMissing() {
        assertThatThrownBy(() -> ProviderSelector.choose(Map.of("DRIFTGATE_PG", "external")))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("DRIFTGATE_PG_URL");
    }

    @Test
    void unknownProviderIsNamed() {
        assertThatThrownBy(() -> ProviderSelector.choose(Map.of("DRIFTGATE_PG", "podman")))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("podman").hasMessageContaining("docker, embedded or external");
    }
}
