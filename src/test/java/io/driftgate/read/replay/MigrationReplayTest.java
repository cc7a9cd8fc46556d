package io.driftgate.read.replay;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.failure.DriftgateException;
import io.driftgate.failure.Failure;
import io.driftgate.model.Column;
import io.driftgate.model.Index;
import io.driftgate.model.PrimaryKey;
import io.driftgate.model.QualifiedName;
import io.driftgate.model.SchemaModel;
import io.driftgate.model.Table;
import io.driftgate.providers.SharedPostgres;
import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.read.catalog.CatalogReader;
import io.driftgate.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;

import static io.driftgate.read.replay.ReplayTestSupport.shadowDatabasesOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Migration replay into a shadow on the shared (embedded) PostgreSQL, with real Flyway. */
// under Flyway's transactional lock CREATE INDEX CONCURRENTLY hangs: time out in another thread so the test fails
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MigrationReplayTest {

    private static final List<String> BASIC = List.of("classpath:replay/basic");
    private static final QualifiedName CANDIDATE = QualifiedName.of("public", "candidate");

    private final MigrationReplay replay =
            new MigrationReplay(ShadowSource.shared(), Optional.empty());

    @Test
    void keepsTheSchemaAfterEachVersionAndAppliesRepeatablesLast() {
        ReplayResult result = replay.replay(BASIC, List.of("public"));

        assertThat(result.migrations()).extracting(m -> m.version().orElse("R")).containsExactly("1", "2", "3", "R");
        assertThat(result.migrations()).extracting(ReplayedMigration::script)
                .containsExactly("V1__create.sql", "V2__add_column.sql", "V3__index_concurrently.sql", "R__view.sql");
        assertThat(result.migrations()).allSatisfy(m -> assertThat(m.checksum()).isPresent());
        assertThat(result.migrations().get(0).type()).isEqualTo("SQL");
        assertThat(result.migrations().get(3).isRepeatable()).isTrue();
        assertThat(result.fromCache()).isFalse();

        assertThat(result.initial().isEmpty()).isTrue();
        Table afterV1 = result.schemaAfter("1").flatMap(s -> s.table(CANDIDATE)).orElseThrow();
        assertThat(afterV1.primaryKey()).map(PrimaryKey::columns).contains(List.of("id"));
        assertThat(afterV1.column("id")).map(Column::identity).contains(Column.Identity.BY_DEFAULT);
        // what V2 adds: expected_wage, nothing else
        Table beforeV2 = result.schemaBefore("2").flatMap(s -> s.table(CANDIDATE)).orElseThrow();
        Table afterV2 = result.schemaAfter("2").flatMap(s -> s.table(CANDIDATE)).orElseThrow();
        assertThat(beforeV2.column("expected_wage")).isEmpty();
        assertThat(afterV2.column("expected_wage")).contains(Column.of("expected_wage", "numeric(10,2)", true));
        assertThat(afterV2.withColumns(beforeV2.columns())).isEqualTo(beforeV2);
        // V3 ran outside a transaction (CREATE INDEX CONCURRENTLY) and its index is seen
        assertThat(afterV2.indexes()).isEmpty();
        assertThat(result.schemaAfter("3").flatMap(s -> s.table(CANDIDATE)).orElseThrow().indexes())
                .extracting(Index::name).containsExactly("candidate_name_idx");
        // Flyway's own history table is not part of the expected schema
        assertThat(result.finalSchema().tables()).extracting(Table::name).containsExactly(CANDIDATE);
        assertThat(result.finalSchema()).isEqualTo(result.schemaAfter("3").orElseThrow());
        assertThat(result.schemaBefore("4")).isEmpty();

        assertThat(replay.shadowsOpened()).isEqualTo(1);
        assertThat(shadowDatabasesOn(SharedPostgres.server().admin())).isEmpty();
    }

    @Test
    void createsANonPublicSchemaAsFlywayWould() {
        ReplayResult result = replay.replay(List.of("classpath:replay/sales"), List.of("sales"));

        QualifiedName orders = QualifiedName.of("sales", "orders");
        assertThat(result.schemaAfter("1").flatMap(s -> s.table(orders)).orElseThrow().column("note")).isEmpty();
        assertThat(result.finalSchema().tables()).extracting(Table::name).containsExactly(orders);
        assertThat(result.finalSchema().table(orders).orElseThrow().column("note"))
                .contains(Column.of("note", "text", true));
        assertThat(shadowDatabasesOn(SharedPostgres.server().admin())).isEmpty();
    }

    @Test
    void aMigrationThatFailsOnAnEmptyDatabaseIsNamedWithLineAndSqlState() {
        assertThatThrownBy(() -> replay.replay(List.of("classpath:replay/failing"), List.of("public")))
                .isInstanceOfSatisfying(DriftgateException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_INPUT))
                .hasMessageContaining("V2__broken.sql")
                .hasMessageContaining("line 4")
                .hasMessageContaining("SQLSTATE 42P01")
                .hasMessageContaining("legacy_item")
                .hasMessageContaining("this migration fails on an empty database, so it cannot be replayed");
        assertThat(replay.shadowsOpened()).isEqualTo(1);
        assertThat(shadowDatabasesOn(SharedPostgres.server().admin())).isEmpty();
    }

    @Test
    void missingLocationsAreBadInputNamingTheLocation(@TempDir Path dir) {
        String missing = "filesystem:" + dir.resolve("nope");
        assertThatThrownBy(() -> replay.replay(List.of(missing), List.of("public")))
                .isInstanceOfSatisfying(DriftgateException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_INPUT))
                .hasMessageContaining(missing);
        assertThatThrownBy(() -> replay.replay(List.of("classpath:replay/nope"), List.of("public")))
                .isInstanceOfSatisfying(DriftgateException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_INPUT))
                .hasMessageContaining("classpath:replay/nope");
        assertThat(replay.shadowsOpened()).isZero();
    }

    @Test
    void aBarePathIsAFilesystemLocation() {
        Path basic = Path.of("src/test/resources/replay/basic");
        ReplayResult result = replay.replay(List.of(basic.toString()), List.of("public"));
        assertThat(result.migrations()).hasSize(4);
    }

    @Test
    void resolvesFlywaysMigrationInfoWithoutAShadow() {
        List<ReplayedMigration> resolved = replay.resolve(BASIC, List.of("public"));

        assertThat(resolved).extracting(ReplayedMigration::label).containsExactly(
                "V1 create (V1__create.sql)", "V2 add column (V2__add_column.sql)",
                "V3 index concurrently (V3__index_concurrently.sql)", "R view (R__view.sql)");
        assertThat(resolved).isEqualTo(replay.replay(BASIC, List.of("public")).migrations());
    }

    @Test
    void flywayIsConfiguredWithoutTheTransactionalLock() {
        Flyway flyway = MigrationReplay.withoutTransactionalLock(Flyway.configure()).load();
        assertThat(flyway.getConfigurationExtension(PostgreSQLConfigurationExtension.class).isTransactionalLock())
                .isFalse();
        assertThat(Flyway.configure().load().getConfigurationExtension(PostgreSQLConfigurationExtension.class)
                .isTransactionalLock()).isTrue();
    }

    @Test
    void theReplayedSchemaIsWhatAPlainFlywayMigrateBuilds() throws Exception {
        ReplayResult result = replay.replay(BASIC, List.of("public"));

        try (ThrowawayDatabase db = TestDatabases.fresh()) {
            ConnectionSettings s = db.settings();
            MigrationReplay.withoutTransactionalLock(Flyway.configure())
                    .dataSource(s.jdbcUrl(), s.user(), s.password().orElse(null))
                    .locations(BASIC.toArray(String[]::new)).load().migrate();
            try (Connection c = s.open()) {
                assertThat(new CatalogReader().read(c, List.of("public"))).isEqualTo(result.finalSchema());
            }
        }
    }

    @Test
    void anEmptyLocationIsBadInputNotAnEmptySchema(@TempDir Path dir) {
        // an empty schema would compare equal to an empty database: a gate that checked nothing and passed
        assertThatThrownBy(() -> replay.replay(List.of("filesystem:" + dir), List.of("public")))
                .isInstanceOfSatisfying(DriftgateException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_INPUT))
                .hasMessageContaining("No migrations found");
    }
}
