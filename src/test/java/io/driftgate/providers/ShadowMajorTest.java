package io.driftgate.providers;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.read.replay.ShadowSource;
import io.driftgate.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The shadow runs the target's PostgreSQL major, not whatever the provider's default is. */
class ShadowMajorTest {

    @Test
    void theShadowOfATargetOnAnotherMajorRunsThatMajor() throws Exception {
        String image = Optional.ofNullable(System.getenv(ProviderSelector.IMAGE_SETTING)).orElse("");
        assumeTrue(image.isEmpty() || image.startsWith("postgres:"),
                "another major needs another image; " + image + " is built for one major only");
        int defaultMajor = SharedPostgres.server().version().major();
        int other = defaultMajor == PostgresMajor.OLDEST ? PostgresMajor.OLDEST + 1 : PostgresMajor.OLDEST;
        PostgresServer target = SharedPostgres.server(other);
        int targetMajor = target.version().major();
        String role = "dg_deployer_" + Long.toHexString(System.nanoTime());
        // a deploy role without CREATEDB: the shadow cannot live on the target server and comes from the provider
        TestDatabases.execute(target.admin(), "CREATE ROLE " + role + " LOGIN PASSWORD 'deploy-secret'");
        try {
            ConnectionSettings deployer = new ConnectionSettings(target.admin().jdbcUrl(), role, Optional.of("deploy-secret"));

            ShadowSource shadow = ShadowSource.choose(Optional.empty(), Optional.of(deployer));

            assertThat(ServerVersion.of(shadow.probe()).major()).isEqualTo(targetMajor);
            assertThat(shadow.description()).contains("PostgreSQL " + targetMajor + ".");
            if (!(target.admin().equals(SharedPostgres.server().admin()))) {
                assertThat(targetMajor).as("a second server of another major was started").isEqualTo(other).isNotEqualTo(defaultMajor);
            }
        } finally {
            TestDatabases.execute(target.admin(), "DROP ROLE IF EXISTS " + role);
        }
    }
}
