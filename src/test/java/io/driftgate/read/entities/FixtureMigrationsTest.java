package io.driftgate.read.entities;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.model.Column;
import io.driftgate.model.ForeignKey;
import io.driftgate.model.Index;
import io.driftgate.model.SchemaModel;
import io.driftgate.model.Table;
import io.driftgate.model.UniqueConstraint;
import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fixture app's migrations apply to a real PostgreSQL, and what they build is what the entities map:
 * same tables, columns (type, nullability, default, identity), keys, indexes and sequences. Checks are left
 * out: Hibernate's expression text differs from {@code pg_get_constraintdef}'s by design.
 */
class FixtureMigrationsTest {

    private static ThrowawayDatabase database;
    private static MigrateResult migrated;
    private static SchemaModel entities;

    @BeforeAll
    static void migrate() {
        database = TestDatabases.fresh();
        ConnectionSettings db = database.settings();
        migrated = Flyway.configure()
                .dataSource(db.jdbcUrl(), db.user(), db.password().orElse(null))
                .locations("filesystem:fixtures/app/db/migration")
                .load()
                .migrate();
        entities = FixtureEntities.read();
    }

    @AfterAll
    static void drop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void allFixtureMigrationsApply() {
        assertThat(migrated.success).isTrue();
        assertThat(migrated.migrationsExecuted).isEqualTo(5);
        assertThat(migrated.targetSchemaVersion).isEqualTo("5");
    }

    @Test
    void columnsMatchTheEntities() throws SQLException {
        Map<String, Set<Column>> live = new TreeMap<>();
        query("""
                select c.relname, a.attname, format_type(a.atttypid, a.atttypmod), not a.attnotnull, a.attidentity,
                       pg_get_expr(d.adbin, d.adrelid)
                from pg_attribute a
                join pg_class c on c.oid = a.attrelid
                join pg_namespace n on n.oid = c.relnamespace
                left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
                  and c.relname <> 'flyway_schema_history'
                """, rs -> live.computeIfAbsent(rs.getString(1), t -> new TreeSet<>(BY_NAME)).add(new Column(
                rs.getString(2), rs.getString(3), rs.getBoolean(4), Optional.ofNullable(rs.getString(6)),
                identity(rs.getString(5)), Optional.empty(), Optional.empty())));
        Map<String, Set<Column>> mapped = new TreeMap<>();
        entities.tables().forEach(t -> {
            Set<Column> columns = new TreeSet<>(BY_NAME);
            columns.addAll(t.columns());
            mapped.put(t.name().name(), columns);
        });
        assertThat(live.keySet()).containsExactlyElementsOf(mapped.keySet());
        live.forEach((table, columns) -> assertThat(List.copyOf(columns)).as(table)
                .containsExactlyElementsOf(List.copyOf(mapped.get(table))));
    }

    @Test
    void keysAndIndexesMatchTheEntities() throws SQLException {
        List<String> live = new ArrayList<>();
        query("""
                select c.relname || ' ' || k.contype::text || ' ' || pg_get_constraintdef(k.oid)
                from pg_constraint k join pg_class c on c.oid = k.conrelid
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and k.contype in ('p', 'u', 'f') and c.relname <> 'flyway_schema_history'
                union all
                select i.tablename || ' i ' || i.indexname || ' ' || regexp_replace(i.indexdef, '.* USING btree ', '')
                from pg_indexes i
                where i.schemaname = 'public' and i.tablename <> 'flyway_schema_history'
                  and not exists (select 1 from pg_constraint k where k.conname = i.indexname)
                """, rs -> live.add(rs.getString(1)));
        List<String> mapped = new ArrayList<>();
        for (Table t : entities.tables()) {
            String name = t.name().name();
            t.primaryKey().ifPresent(pk -> mapped.add(name + " p PRIMARY KEY (" + String.join(", ", pk.columns()) + ")"));
            for (UniqueConstraint u : t.uniqueConstraints()) {
                mapped.add(name + " u UNIQUE (" + String.join(", ", u.columns()) + ")");
            }
            for (ForeignKey f : t.foreignKeys()) {
                mapped.add(name + " f FOREIGN KEY (" + String.join(", ", f.columns()) + ") REFERENCES "
                        + f.referencedTable().name() + "(" + String.join(", ", f.referencedColumns()) + ")"
                        + (f.onDelete() == ForeignKey.Action.NO_ACTION ? "" : " ON DELETE " + f.onDelete().sql()));
            }
            for (Index i : t.indexes()) {
                mapped.add(name + " i " + i.name() + " (" + String.join(", ", i.keys()) + ")");
            }
        }
        assertThat(live).containsExactlyInAnyOrderElementsOf(mapped);
    }

    @Test
    void sequencesMatchTheEntities() throws SQLException {
        List<String> live = new ArrayList<>();
        query("""
                select s.sequencename || ' ' || s.start_value || ' ' || s.increment_by from pg_sequences s
                where s.schemaname = 'public'
                  and not exists (select 1 from pg_depend d join pg_class c on c.oid = d.objid
                                  where c.relname = s.sequencename and d.deptype = 'i')
                """, rs -> live.add(rs.getString(1)));
        assertThat(live).containsExactlyInAnyOrderElementsOf(entities.sequences().stream()
                .map(s -> s.name().name() + " " + s.start() + " " + s.increment()).collect(Collectors.toList()));
    }

    private static final java.util.Comparator<Column> BY_NAME = java.util.Comparator.comparing(Column::name);

    private static Column.Identity identity(String code) {
        return switch (code) {
            case "a" -> Column.Identity.ALWAYS;
            case "d" -> Column.Identity.BY_DEFAULT;
            default -> Column.Identity.NONE;
        };
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(String sql, Row row) throws SQLException {
        try (Connection c = database.settings().open(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                row.accept(rs);
            }
        }
    }
}
