package io.driftgate.plan;

import io.driftgate.apply.RepairExecutor;
import io.driftgate.apply.RepairOutcome;
import io.driftgate.apply.RepairSettings;
import io.driftgate.diff.SchemaDiffer;
import io.driftgate.model.Column;
import io.driftgate.model.ForeignKey;
import io.driftgate.model.QualifiedName;
import io.driftgate.model.SchemaModel;
import io.driftgate.model.Sequence;
import io.driftgate.model.Table;
import io.driftgate.plan.ddl.RandomSchemaModels;
import io.driftgate.plan.ddl.SchemaDdl;
import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.read.catalog.CatalogReader;
import io.driftgate.scenarios.RowChecksums;
import io.driftgate.sql.Identifiers;
import io.driftgate.testing.TestDatabases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random drift of a random schema: the live database is the expected model with pieces taken away
 * (tables, nullable columns, indexes, keys, checks) and extras added, holding rows. Repair with no
 * allows, re-read: no drift left, nothing dropped (extras still there), rows unchanged, a second plan
 * empty. Seeded: {@code -Ddriftgate.seed=N} replays one case.
 */
class RandomDriftPropertyTest {

    private static final int TRIES = 30;
    private static final CatalogReader READER = new CatalogReader();

    @TestFactory
    Stream<DynamicTest> repairConvergesFromRandomDrift() {
        Long fixed = Long.getLong("driftgate.seed");
        long base = fixed != null ? fixed : Long.getLong("driftgate.seedBase", 20_261_124L); // fixed, so CI is repeatable; -Ddriftgate.seedBase explores
        LongStream seeds = fixed != null ? LongStream.of(base) : LongStream.range(base, base + TRIES);
        return seeds.mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> run(seed)));
    }

    private static void run(long seed) throws Exception {
        Random random = new Random(seed);
        SchemaModel expected = RandomSchemaModels.generate(random);
        SchemaModel drifted = drift(expected, random);
        try (ThrowawayDatabase db = TestDatabases.fresh()) {
            try (Connection c = db.settings().open(); Statement s = c.createStatement()) {
                for (String sql : SchemaDdl.create(drifted)) {
                    s.execute(sql);
                }
                addExtrasAndRows(c, drifted);
            }
            SchemaModel before = read(db);
            RowChecksums rows;
            try (Connection c = db.settings().open()) {
                rows = RowChecksums.take(c, before);
            }
            // the repair target is the expected model as PostgreSQL reads it (built in a database of its own)
            SchemaModel target = io.driftgate.plan.ddl.DdlRenderersTestAccess.build(expected);
            RepairPlan plan = RepairPlanner.plan(target, before);
            String context = "seed " + seed + " (-Ddriftgate.seed=" + seed + ")\nplan:\n"
                    + plan.steps().stream().map(PlanStep::sql).collect(Collectors.joining(";\n")) + "\nunrepairable: " + plan.unrepairable();
            assertThat(plan.hazards()).as("only safe steps for additive drift: " + context).isEmpty();

            RepairOutcome outcome = new RepairExecutor(READER).repair(db.settings(), target, RepairSettings.defaults());
            if (outcome instanceof RepairOutcome.Refused refused) {
                // the rows this test put in may break a key or check the plan adds: refused by the data, nothing changed
                assertThat(refused.refusals()).as(context).allSatisfy(r -> assertThat(r.reason()).contains("row(s) in the way"));
                assertThat(read(db)).as("unchanged after a refusal: " + context).isEqualTo(before);
                try (Connection c = db.settings().open()) {
                    assertThat(rows.retake(c).differencesFrom(rows)).as("rows unchanged: " + context).isEmpty();
                }
                return;
            }
            assertThat(outcome).as(context).isInstanceOfAny(RepairOutcome.Applied.class, RepairOutcome.NothingToDo.class);
            SchemaModel after = read(db);
            assertThat(SchemaDiffer.actionable(SchemaDiffer.diff(target, after))).as("drift left: " + context).isEmpty();
            assertThat(RepairPlanner.plan(target, after).steps()).as("second plan: " + context).isEmpty();
            assertThat(after.tables().stream().map(Table::name).toList()).as("nothing dropped")
                    .containsAll(before.tables().stream().map(Table::name).toList());
            try (Connection c = db.settings().open()) {
                assertThat(rows.retake(c).differencesFrom(rows)).as("rows unchanged: " + context).isEmpty();
            }
        }
    }

    /** The expected model with random pieces taken away; only what can be added back safely. */
    static SchemaModel drift(SchemaModel model, Random random) {
        Set<QualifiedName> removedTables = model.tables().stream().filter(t -> random.nextInt(5) == 0).map(Table::name)
                .collect(Collectors.toSet());
        List<Table> tables = new ArrayList<>();
        for (Table t : model.tables()) {
            if (removedTables.contains(t.name())) {
                continue;
            }
            Set<String> pinned = pinnedColumns(t, model);
            List<Column> columns = t.columns().stream()
                    .filter(c -> pinned.contains(c.name()) || !c.nullable() || random.nextInt(3) != 0).toList();
            Set<String> kept = columns.stream().map(Column::name).collect(Collectors.toSet());
            Set<List<String>> referenced = referencedKeys(t, model);
            tables.add(new Table(t.name(), columns,
                    random.nextInt(4) == 0 && t.primaryKey().map(pk -> !referenced.contains(pk.columns())).orElse(true)
                            ? java.util.Optional.empty() : t.primaryKey(),
                    t.uniqueConstraints().stream().filter(u -> referenced.contains(u.columns()) || random.nextBoolean()).toList(),
                    t.foreignKeys().stream().filter(f -> !removedTables.contains(f.referencedTable()) && random.nextBoolean()).toList(),
                    t.checks().stream().filter(ch -> random.nextBoolean()).toList(),
                    t.indexes().stream().filter(i -> random.nextBoolean() && kept.containsAll(i.include())).toList()));
        }
        List<Sequence> sequences = model.sequences().stream()
                .filter(s -> s.ownedBy().map(o -> !removedTables.contains(o.table())).orElse(true)).toList();
        return new SchemaModel(model.schemas(), tables, model.enumTypes(), sequences);
    }

    /** Column lists of this table that a foreign key points at: their key must stay. */
    private static Set<List<String>> referencedKeys(Table t, SchemaModel model) {
        return model.tables().stream().flatMap(o -> o.foreignKeys().stream()).filter(f -> f.referencedTable().equals(t.name()))
                .map(ForeignKey::referencedColumns).collect(Collectors.toSet());
    }

    /** Columns a constraint, index, default or sequence of the model refers to stay, so the drifted model is valid. */
    private static Set<String> pinnedColumns(Table t, SchemaModel model) {
        Set<String> pinned = new java.util.HashSet<>();
        t.primaryKey().ifPresent(pk -> pinned.addAll(pk.columns()));
        t.uniqueConstraints().forEach(u -> pinned.addAll(u.columns()));
        t.foreignKeys().forEach(f -> pinned.addAll(f.columns()));
        t.indexes().forEach(i -> {
            pinned.addAll(i.keys());
            pinned.addAll(i.include());
            String text = String.join(" ", i.keys()) + " " + i.predicate().orElse("");
            t.columns().stream().filter(c -> text.contains(c.name())).forEach(c -> pinned.add(c.name()));
        });
        for (Table other : model.tables()) {
            for (ForeignKey f : other.foreignKeys()) {
                if (f.referencedTable().equals(t.name())) {
                    pinned.addAll(f.referencedColumns());
                }
            }
        }
        t.columns().stream().filter(c -> c.identity() != Column.Identity.NONE || c.generatedExpression().isPresent()
                || c.defaultExpression().isPresent()).forEach(c -> pinned.add(c.name()));
        // checks and generated columns name columns inside expressions: keep every column they mention
        t.checks().forEach(ch -> t.columns().forEach(c -> {
            if (ch.expression().contains(c.name())) {
                pinned.add(c.name());
            }
        }));
        t.columns().forEach(c -> c.generatedExpression().ifPresent(g -> t.columns().forEach(o -> {
            if (g.contains(o.name())) {
                pinned.add(o.name());
            }
        })));
        model.sequences().forEach(s -> s.ownedBy().filter(o -> o.table().equals(t.name())).ifPresent(o -> pinned.add(o.column())));
        return pinned;
    }

    /** An extra column and an extra table nobody declares, and a few rows wherever a row of defaults fits. */
    private static void addExtrasAndRows(Connection c, SchemaModel model) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE public.dg_extra_table (note text)");
            s.execute("INSERT INTO public.dg_extra_table VALUES ('keep me')");
            for (Table t : model.tables()) {
                String name = Identifiers.qualified(t.name().schema(), t.name().name());
                s.execute("ALTER TABLE " + name + " ADD COLUMN dg_extra_column text DEFAULT 'kept'");
                for (int i = 0; i < 1; i++) {
                    Savepoint sp = c.setSavepoint();
                    try {
                        s.execute("INSERT INTO " + name + " DEFAULT VALUES");
                        c.releaseSavepoint(sp);
                    } catch (SQLException e) {
                        c.rollback(sp); // NOT NULL without default, a key, a check: this table stays as it is
                    }
                }
            }
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private static SchemaModel read(ThrowawayDatabase db) throws SQLException {
        try (Connection c = db.settings().open()) {
            return READER.read(c, db.settings() == null ? List.of() : schemasOf(c));
        }
    }

    private static List<String> schemasOf(Connection c) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (Statement s = c.createStatement(); var rs = s.executeQuery(
                "select nspname from pg_namespace where nspname not like 'pg\\_%' and nspname <> 'information_schema'")) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        return schemas;
    }
}
