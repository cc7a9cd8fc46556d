package io.driftgate.read.entities;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.model.CheckConstraint;
import io.driftgate.model.Column;
import io.driftgate.model.SchemaModel;
import io.driftgate.model.Table;
import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.read.catalog.CatalogReader;
import io.driftgate.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real proof for the fixture app: its entities (entity mapping) and its migrations (applied, then read
 * by the catalog reader) read to equal schema models, but for the two things that differ by nature:
 * column order (Hibernate orders columns its own way) and check expressions (Hibernate's text vs
 * {@code pg_get_constraintdef}'s), which are compared by name only.
 */
class EntitiesVersusMigrationsTest {

    @Test
    void entitiesAndMigrationsReadToEqualModels() throws Exception {
        SchemaModel migrated;
        try (ThrowawayDatabase database = TestDatabases.fresh()) {
            ConnectionSettings db = database.settings();
            Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password().orElse(null))
                    .locations("filesystem:fixtures/app/db/migration").load().migrate();
            try (Connection connection = db.open()) {
                migrated = new CatalogReader().read(connection, List.of("public"));
            }
        }
        SchemaModel entities = FixtureEntities.read();

        assertThat(comparable(entities)).isEqualTo(comparable(migrated));
        assertThat(checkExpressions(migrated)).containsExactly(
                "(((status)::text = ANY ((ARRAY['NEW'::character varying, 'SCREENING'::character varying, "
                        + "'HIRED'::character varying, 'REJECTED'::character varying])::text[])))");
        assertThat(checkExpressions(entities)).containsExactly("status in ('NEW','SCREENING','HIRED','REJECTED')");
    }

    private static SchemaModel comparable(SchemaModel model) {
        return new SchemaModel(model.schemas(), model.tables().stream().map(EntitiesVersusMigrationsTest::comparable).toList(),
                model.enumTypes(), model.sequences());
    }

    private static Table comparable(Table table) {
        return table.withColumns(table.columns().stream().sorted(Comparator.comparing(Column::name)).toList())
                .withChecks(table.checks().stream().map(c -> new CheckConstraint(c.name(), "…")).toList());
    }

    private static List<String> checkExpressions(SchemaModel model) {
        return model.tables().stream().flatMap(t -> t.checks().stream()).map(CheckConstraint::expression).toList();
    }
}
