package io.driftgate.plan;

import io.driftgate.diff.Drift;
import io.driftgate.model.Column;
import io.driftgate.model.QualifiedName;
import io.driftgate.model.SchemaModel;
import io.driftgate.model.Table;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RepairPlannerTest {

    private static final QualifiedName T = QualifiedName.of("public", "t");

    @Test
    void everyDriftKindIsPlannedOrDeclaredUnrepairable() throws Exception {
        // RepairPlanner's instanceof chain ends in an IllegalStateException for a kind it forgot
        String source = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/java/io/driftgate/plan/RepairPlanner.java"));
        List<String> kinds = Arrays.stream(Drift.class.getPermittedSubclasses())
                .filter(k -> !Drift.Extra.class.isAssignableFrom(k)).map(Class::getSimpleName).toList();
        assertThat(kinds).isNotEmpty().allSatisfy(k -> assertThat(source).contains("Drift." + k));
    }

    @Test
    void notNullOverALargeTableIsALongLockOnlyWhenLarge() {
        SchemaModel live = model(Table.of(T, List.of(Column.of("n", "integer", true))));
        SchemaModel expected = model(Table.of(T, List.of(Column.of("n", "integer", false))));
        assertThat(RepairPlanner.plan(expected, live).hazards()).isEmpty();
        RowEstimates big = new RowEstimates(Map.of(T, 5_000_000L));
        assertThat(RepairPlanner.plan(expected, live, big).hazards()).containsExactly(Hazard.LONG_LOCK);
    }

    @Test
    void extrasAreReportedAndNeverPlanned() {
        SchemaModel live = model(Table.of(T, List.of(Column.of("a", "integer", true), Column.of("legacy", "text", true))),
                Table.of(QualifiedName.of("public", "old"), List.of(Column.of("x", "integer", true))));
        SchemaModel expected = model(Table.of(T, List.of(Column.of("a", "integer", true))));
        RepairPlan plan = RepairPlanner.plan(expected, live);
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.extras()).extracting(Drift::kind).containsExactlyInAnyOrder("extra_table", "extra_column");
    }

    @Test
    void hazardNamesParseLeniently() {
        assertThat(Hazard.parse("table-rewrite")).contains(Hazard.TABLE_REWRITE);
        assertThat(Hazard.parse("Long_Lock")).contains(Hazard.LONG_LOCK);
        assertThat(Hazard.parse("nope")).isEmpty();
    }

    @Test
    void typeChangesAreClassifiedByCost() {
        assertThat(TypeChange.classify("character varying(20)", "character varying(30)", "c").kind()).isEqualTo(TypeChange.Kind.FREE_WIDENING);
        assertThat(TypeChange.classify("character varying(20)", "text", "c").kind()).isEqualTo(TypeChange.Kind.FREE_WIDENING);
        assertThat(TypeChange.classify("numeric(8,2)", "numeric(10,2)", "c").kind()).isEqualTo(TypeChange.Kind.FREE_WIDENING);
        assertThat(TypeChange.classify("integer", "bigint", "c").kind()).isEqualTo(TypeChange.Kind.REWRITING_WIDENING);
        assertThat(TypeChange.classify("bigint", "integer", "c").kind()).isEqualTo(TypeChange.Kind.NARROWING);
        assertThat(TypeChange.classify("text", "character varying(5)", "c").fitCondition()).contains("char_length(c) <= 5");
        assertThat(TypeChange.classify("text", "integer", "c").kind()).isEqualTo(TypeChange.Kind.OTHER);
        // issue 10 finding 9: lossless widenings are widenings, not UNPROVABLE
        assertThat(TypeChange.classify("real", "double precision", "c").kind()).isEqualTo(TypeChange.Kind.REWRITING_WIDENING);
        assertThat(TypeChange.classify("integer", "double precision", "c").kind()).isEqualTo(TypeChange.Kind.REWRITING_WIDENING);
        assertThat(TypeChange.classify("bigint", "double precision", "c").kind()).isEqualTo(TypeChange.Kind.OTHER);
        assertThat(TypeChange.classify("integer", "numeric", "c").kind()).isEqualTo(TypeChange.Kind.REWRITING_WIDENING);
        assertThat(TypeChange.classify("integer", "numeric(12,2)", "c").kind()).isEqualTo(TypeChange.Kind.REWRITING_WIDENING);
        assertThat(TypeChange.classify("integer", "numeric(10,2)", "c").kind()).isEqualTo(TypeChange.Kind.OTHER);
        assertThat(TypeChange.classify("text", "character varying", "c").kind()).isEqualTo(TypeChange.Kind.FREE_WIDENING);
        assertThat(TypeChange.classify("character varying(20)", "character varying(40)", "c").kind()).isEqualTo(TypeChange.Kind.FREE_WIDENING);
    }

    private static SchemaModel model(Table... tables) {
        return new SchemaModel(List.of("public"), List.of(tables), List.of(), List.of());
    }

}
