package io.driftgate.read.replay;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.failure.DriftgateException;
import io.driftgate.failure.Failure;
import io.driftgate.model.QualifiedName;
import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static io.driftgate.read.replay.ReplayTestSupport.shadowDatabasesOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ShadowSourceTest {

    /** The PostgreSQL 15 server the brief provides next to the embedded one (trust auth). */
    private static final ConnectionSettings TARGET =
            new ConnectionSettings("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", Optional.empty());
    private static final List<String> BASIC = List.of("classpath:replay/basic");

    @Test
    void aGivenShadowThatIsNotEmptyIsRefused() throws Exception {
        try (ThrowawayDatabase db = TestDatabases.fresh()) {
            TestDatabases.execute(db.settings(), "CREATE TABLE precious (id integer)");
            MigrationReplay replay = new MigrationReplay(ShadowSource.choose(Optional.of(db.settings()), Optional.of(TARGET)),
                    Optional.empty());

            assertThatThrownBy(() -> replay.replay(BASIC, List.of("public")))
                    .isInstanceOfSatisfying(DriftgateException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_INPUT))
                    .hasMessageContaining("not empty")
                    .hasMessageContaining("public.precious");
            assertThat(tableNames(db.settings())).containsExactly("precious");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 42'",
            "CREATE TYPE mood AS ENUM ('a', 'b')",
            "CREATE DOMAIN positive AS integer CHECK (VALUE > 0)",
            "CREATE EXTENSION pg_trgm",
            "CREATE SCHEMA kept",
            "CREATE SEQUENCE public.counter",
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 42'; CREATE TYPE mood AS ENUM ('a', 'b')"})
    void aGivenShadowHoldingAnyKindOfObjectIsRefusedAndKeepsIt(String ddl) throws Exception {
        try (ThrowawayDatabase db = TestDatabases.fresh()) {
            TestDatabases.execute(db.settings(), ddl);
            long before = userObjectCount(db.settings());
            MigrationReplay replay = new MigrationReplay(ShadowSource.given(db.settings()), Optional.empty());

            assertThatThrownBy(() -> replay.replay(BASIC, List.of("public")))
                    .isInstanceOfSatisfying(DriftgateException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_INPUT))
                    .hasMessageContaining("not empty")
                    .hasMessageContaining("never empties one it did not create");
            assertThat(userObjectCount(db.settings())).isEqualTo(before).isPositive();
            assertThat(tableNames(db.settings())).doesNotContain("candidate", "flyway_schema_history");
        }
    }

    @Test
    void anEmptyGivenShadowIsUsedAndNeverCleaned() throws Exception {
        try (ThrowawayDatabase db = TestDatabases.fresh()) {
            MigrationReplay replay = new MigrationReplay(ShadowSource.given(db.settings()), Optional.empty());

            ReplayResult result = replay.replay(List.of("classpath:replay/sales"), List.of("sales"));

            assertThat(result.finalSchema().table(QualifiedName.of("sales", "orders"))).isPresent();
            // no Flyway clean: what the replay built stays, and a second run is refused until the user recreates it
            assertThat(tableNames(db.settings())).contains("orders");
            assertThatThrownBy(() -> new MigrationReplay(ShadowSource.given(db.settings()), Optional.empty())
                    .replay(List.of("classpath:replay/sales"), List.of("sales")))
                    .hasMessageContaining("not empty");
        }
    }

    @Test
    void aGivenShadowIsNotCleanedWhenAMigrationFails() throws Exception {
        try (ThrowawayDatabase db = TestDatabases.fresh()) {
            MigrationReplay replay = new MigrationReplay(ShadowSource.given(db.settings()), Optional.empty());

            assertThatThrownBy(() -> replay.replay(List.of("classpath:replay/failing"), List.of("public")))
                    .hasMessageContaining("V2__broken.sql");
            assertThat(tableNames(db.settings())).isNotEmpty();
        }
    }

    @Test
    void byDefaultTheShadowIsInDriftgatesOwnPostgresNotOnTheTargetServer() {
        ShadowSource source = ShadowSource.choose(Optional.empty(), Optional.of(TARGET));
        // on the target's server only when DRIFTGATE_PG=external names that very server; then its checks apply
        boolean providerIsTarget = io.driftgate.providers.SharedPostgres.server().admin().jdbcUrl().contains(":5432/");
        assertThat(source).isInstanceOfSatisfying(TemporaryShadow.class, t -> assertThat(t.onTargetServer()).isEqualTo(providerIsTarget));
        assertThat(source.description()).contains("local PostgreSQL provider", "--shadow-on-target");
    }

    @Test
    void aTemporaryShadowOnTheTargetServerIsCreatedMarkedAndDropped() {
        ShadowSource source = ShadowSource.choose(Optional.empty(), Optional.of(TARGET), true);
        assertThat(source).isInstanceOfSatisfying(TemporaryShadow.class, t -> assertThat(t.onTargetServer()).isTrue());
        assertThat(source.description()).contains("127.0.0.1:5432");
        List<String> before = shadowDatabasesOn(TARGET);
        try (Shadow shadow = source.open()) {
            String name = shadow.settings().database();
            String comment = scalarText(TARGET, "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '"
                    + name + "'");
            assertThat(ShadowMarker.parse(comment)).hasValueSatisfying(m -> {
                assertThat(name).isEqualTo(TemporaryShadow.PREFIX + m.id());
                assertThat(m.pid()).isEqualTo(ProcessHandle.current().pid());
                assertThat(m.runIsGone(java.time.Instant.now(), true)).isFalse();
            });
        }
        MigrationReplay replay = new MigrationReplay(source, Optional.empty());

        ReplayResult result = replay.replay(BASIC, List.of("public"));

        assertThat(result.migrations()).hasSize(4);
        assertThat(result.schemaAfter("2").orElseThrow().table(QualifiedName.of("public", "candidate")).orElseThrow()
                .column("expected_wage")).isPresent();
        assertThat(replay.shadowsOpened()).isEqualTo(1);
        assertThat(shadowDatabasesOn(TARGET)).isEqualTo(before);
    }

    @Test
    void theTemporaryShadowIsDroppedWhenAMigrationFails() {
        List<String> before = shadowDatabasesOn(TARGET);
        MigrationReplay replay = new MigrationReplay(ShadowSource.temporaryOn(TARGET, "the test server"),
                Optional.empty());

        assertThatThrownBy(() -> replay.replay(List.of("classpath:replay/failing"), List.of("public")))
                .hasMessageContaining("V2__broken.sql");
        assertThat(shadowDatabasesOn(TARGET)).isEqualTo(before);
    }

    @Test
    void aRoleThatMayNotCreateDatabasesUsesTheSharedProviderAndIsRefusedOnTheTarget() throws Exception {
        String role = "dg_replay_nocreatedb";
        TestDatabases.execute(TARGET, "DROP ROLE IF EXISTS " + role + "; CREATE ROLE " + role + " LOGIN NOCREATEDB");
        try {
            ConnectionSettings limited = new ConnectionSettings(TARGET.jdbcUrl(), role, Optional.empty());
            assertThat(ShadowSource.mayCreateDatabases(limited)).isFalse();
            assertThat(ShadowSource.choose(Optional.empty(), Optional.of(limited)).description())
                    .contains("local PostgreSQL provider");
            assertThatThrownBy(() -> ShadowSource.choose(Optional.empty(), Optional.of(limited), true))
                    .isInstanceOfSatisfying(DriftgateException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_INPUT))
                    .hasMessageContaining("CREATEDB");
        } finally {
            TestDatabases.execute(TARGET, "DROP ROLE IF EXISTS " + role);
        }
    }

    @Test
    void aGivenShadowOnTheTargetsServerIsCheckedForServerWideStatements() {
        ConnectionSettings other = TARGET.withDatabase("test");
        assertThat(ShadowSource.choose(Optional.of(other), Optional.of(TARGET)).onTargetServer()).isTrue();
        // by identity, not by host name: localhost reaches the same server; driftgate's own provider is another one
        assertThat(ShadowSource.sameServer(TARGET, new ConnectionSettings(TARGET.jdbcUrl().replace("127.0.0.1", "localhost"),
                TARGET.user(), TARGET.password()))).isTrue();
        ConnectionSettings provider = io.driftgate.providers.SharedPostgres.server().admin();
        // driftgate's own PostgreSQL is another server, unless DRIFTGATE_PG=external names this one
        assertThat(ShadowSource.sameServer(TARGET, provider)).isEqualTo(provider.jdbcUrl().contains(":5432/"));
        // a server that cannot be asked counts as the target's: the cautious answer adds the server-wide check
        assertThat(ShadowSource.sameServer(TARGET, new ConnectionSettings("jdbc:postgresql://127.0.0.1:1/x", "u",
                Optional.empty()))).isTrue();
    }

    @Test
    void serversOlderThanPostgres13AreRefused() {
        assertThatThrownBy(() -> ShadowSource.requireSupported(12, "old-server"))
                .isInstanceOfSatisfying(DriftgateException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_INPUT))
                .hasMessageContaining("PostgreSQL 12")
                .hasMessageContaining("requires PostgreSQL 13+");
        ShadowSource.requireSupported(13, "new-enough");
        assertThat(ShadowSource.serverMajorVersion(TARGET)).isEqualTo(15);
    }

    @Test
    void withoutShadowUrlOrTargetTheSharedProviderIsUsedAndTheLogSaysWhy() {
        ShadowSource source = ShadowSource.choose(Optional.empty(), Optional.empty());
        assertThat(source.description()).contains("local PostgreSQL provider", "no --shadow-url");
    }

    private static List<String> tableNames(ConnectionSettings db) throws SQLException {
        try (Connection c = db.open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
                     + "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }

    private static long userObjectCount(ConnectionSettings db) throws SQLException {
        return Long.parseLong(scalarText(db, "SELECT (SELECT count(*) FROM pg_class WHERE oid >= 16384) + (SELECT count(*) FROM pg_type "
                + "WHERE oid >= 16384) + (SELECT count(*) FROM pg_proc WHERE oid >= 16384) + (SELECT count(*) FROM pg_namespace "
                + "WHERE oid >= 16384) + (SELECT count(*) FROM pg_extension WHERE oid >= 16384)"));
    }

    private static String scalarText(ConnectionSettings db, String sql) {
        try (Connection c = db.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
