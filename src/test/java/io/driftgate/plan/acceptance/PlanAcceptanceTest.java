package io.driftgate.plan.acceptance;

import io.driftgate.apply.RepairExecutor;
import io.driftgate.apply.RepairOutcome;
import io.driftgate.apply.RepairSettings;
import io.driftgate.db.ConnectionSettings;
import io.driftgate.diff.Drift;
import io.driftgate.diff.SchemaDiffer;
import io.driftgate.model.SchemaModel;
import io.driftgate.plan.Hazard;
import io.driftgate.plan.PlanStep;
import io.driftgate.plan.RepairPlan;
import io.driftgate.plan.RepairPlanner;
import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.read.catalog.CatalogReader;
import io.driftgate.scenarios.RowChecksums;
import io.driftgate.testing.TestDatabases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table-driven acceptance cases in the spirit of pg-schema-diff: for each, build the live and the
 * expected database, plan, check the hazards and SQL, then repair allowing exactly the case's hazards
 * and prove the outcome on the real database: converged (no drift left, a second plan is empty, no row
 * changed), or refused with the database unchanged.
 */
class PlanAcceptanceTest {

    private static final CatalogReader READER = new CatalogReader();

    static List<AcceptanceCase> cases() {
        return Stream.of(ColumnCases.all(), ConstraintCases.all(), ObjectCases.all()).flatMap(List::stream).toList();
    }

    @TestFactory
    Stream<DynamicTest> acceptanceCases() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
    }

    private static void run(AcceptanceCase c) throws Exception {
        try (ThrowawayDatabase live = TestDatabases.fresh(); ThrowawayDatabase expectedDb = TestDatabases.fresh()) {
            if (!c.live().isBlank()) {
                TestDatabases.execute(live.settings(), c.live());
            }
            TestDatabases.execute(expectedDb.settings(), c.expected());
            List<String> schemas = userSchemas(expectedDb.settings(), live.settings());
            SchemaModel expected = read(expectedDb.settings(), schemas);
            SchemaModel before = read(live.settings(), schemas);
            RepairPlan plan = RepairPlanner.plan(expected, before);
            String sql = plan.steps().stream().map(PlanStep::sql).collect(Collectors.joining(";\n"));
            String context = "\nplan:\n" + sql + "\nunrepairable: " + plan.unrepairable() + "\ndrift: " + plan.drift();

            EnumSet<Hazard> hazards = EnumSet.noneOf(Hazard.class);
            hazards.addAll(plan.hazards());
            assertThat(hazards).as("hazards" + context).isEqualTo(c.hazards().isEmpty() ? EnumSet.noneOf(Hazard.class) : EnumSet.copyOf(c.hazards()));
            for (String fragment : c.sqlContains()) {
                assertThat(sql).as("plan SQL" + context).contains(fragment);
            }
            RowChecksums rows;
            try (Connection conn = live.settings().open()) {
                rows = RowChecksums.take(conn, before);
            }
            RepairExecutor executor = new RepairExecutor(READER);
            RepairSettings settings = RepairSettings.defaults().allowing(c.hazards());
            switch (c.outcome()) {
                case NO_DRIFT -> assertThat(plan.isEmpty()).as("no steps and nothing unrepairable" + context).isTrue();
                case UNREPAIRABLE -> {
                    assertThat(plan.unrepairable()).as("unrepairable" + context).isNotEmpty();
                    assertRefusedAndUnchanged(executor.repair(live.settings(), expected, settings.allowing(EnumSet.allOf(Hazard.class))),
                            live, schemas, before, rows, context);
                }
                case REFUSED_BY_DATA -> {
                    RepairOutcome outcome = executor.repair(live.settings(), expected, settings);
                    assertRefusedAndUnchanged(outcome, live, schemas, before, rows, context);
                    assertThat(((RepairOutcome.Refused) outcome).refusals())
                            .as("refused because of the data" + context)
                            .anySatisfy(r -> assertThat(r.reason()).contains("row(s) in the way, e.g."));
                }
                case CONVERGES -> {
                    if (!c.hazards().isEmpty()) {
                        assertRefusedAndUnchanged(executor.repair(live.settings(), expected, RepairSettings.defaults()),
                                live, schemas, before, rows, context + "\n(without --allow)");
                    }
                    RepairOutcome outcome = executor.repair(live.settings(), expected, settings);
                    assertThat(outcome).as("applied" + context).isInstanceOf(RepairOutcome.Applied.class);
                    SchemaModel after = read(live.settings(), schemas);
                    assertThat(SchemaDiffer.actionable(SchemaDiffer.diff(expected, after))).as("drift left" + context).isEmpty();
                    assertThat(RepairPlanner.plan(expected, after).steps()).as("second plan" + context).isEmpty();
                    assertThat(after.tables().stream().map(t -> t.name()).toList())
                            .as("nothing dropped").containsAll(before.tables().stream().map(t -> t.name()).toList());
                    try (Connection conn = live.settings().open()) {
                        RowChecksums now = rows.retake(conn);
                        if (plan.drift().stream().anyMatch(d -> d instanceof Drift.ColumnTypeDiffers)) {
                            // a retyped value may print differently (1.2500 -> 1.25); no row may be lost
                            now.tables().forEach((table, sum) -> assertThat(sum.rows()).as("rows of " + table)
                                    .isEqualTo(rows.tables().get(table).rows()));
                        } else {
                            assertThat(now.differencesFrom(rows)).as("rows unchanged").isEmpty();
                        }
                    }
                    assertThat(executor.repair(live.settings(), expected, settings))
                            .as("a second repair finds nothing to do").isInstanceOf(RepairOutcome.NothingToDo.class);
                }
            }
        }
    }

    private static void assertRefusedAndUnchanged(RepairOutcome outcome, ThrowawayDatabase live, List<String> schemas,
                                                  SchemaModel before, RowChecksums rows, String context) throws SQLException {
        assertThat(outcome).as("refused" + context).isInstanceOf(RepairOutcome.Refused.class);
        assertThat(read(live.settings(), schemas)).as("schema unchanged after a refusal").isEqualTo(before);
        try (Connection conn = live.settings().open()) {
            assertThat(rows.retake(conn).differencesFrom(rows)).as("rows unchanged after a refusal").isEmpty();
        }
    }

    private static SchemaModel read(ConnectionSettings db, List<String> schemas) throws SQLException {
        try (Connection c = db.open()) {
            return READER.read(c, schemas);
        }
    }

    /** Every user schema of either database. */
    private static List<String> userSchemas(ConnectionSettings... dbs) throws SQLException {
        Set<String> schemas = new java.util.TreeSet<>();
        for (ConnectionSettings db : dbs) {
            try (Connection c = db.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "select nspname from pg_namespace where nspname not like 'pg\\_%' and nspname <> 'information_schema'")) {
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
            }
        }
        return new ArrayList<>(schemas);
    }
}
