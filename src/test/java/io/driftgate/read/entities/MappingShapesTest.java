package io.driftgate.read.entities;

import io.driftgate.model.CheckConstraint;
import io.driftgate.model.Column;
import io.driftgate.model.EnumType;
import io.driftgate.model.ForeignKey;
import io.driftgate.model.QualifiedName;
import io.driftgate.model.SchemaModel;
import io.driftgate.model.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Mapped superclass, embeddable, named enum type, element collection, version and single-table inheritance. */
class MappingShapesTest {

    private static SchemaModel model;

    @BeforeAll
    static void read() {
        model = new EntityMapping().read(EntitySource.of(FixtureEntities.TEST_CLASSES)
                .withPackages(List.of("io.driftgate.read.entities.shapes")));
    }

    private static Table table(String name) {
        return model.table(QualifiedName.of("public", name)).orElseThrow(() -> new AssertionError("no table " + name));
    }

    @Test
    void superclassAndEmbeddableColumnsLandInTheEntityTable() {
        assertThat(table("office").columns()).containsExactlyInAnyOrder(
                Column.of("id", "integer", false).withIdentity(Column.Identity.BY_DEFAULT),
                Column.of("created_at", "timestamp(6) with time zone", false),
                Column.of("street", "varchar(255)", true),
                Column.of("city", "varchar(255)", true),
                Column.of("kind", "officekind", true),
                Column.of("version", "bigint", false),
                Column.of("external_id", "uuid", true),
                Column.of("logo", "bytea", true));
    }

    @Test
    void namedEnumBecomesAnEnumTypeWithHibernatesLabelOrder() {
        // Hibernate's DDL lists the labels sorted by name, not in the Java enum's order (HEADQUARTERS, BRANCH)
        assertThat(model.enumTypes()).containsExactly(
                new EnumType(QualifiedName.of("public", "officekind"), List.of("BRANCH", "HEADQUARTERS")));
        assertThat(table("office").checks()).isEmpty();
    }

    @Test
    void elementCollectionGetsItsOwnTableKeyedToTheOwner() {
        Table phones = table("office_phone_numbers");
        assertThat(phones.columns()).extracting(Column::name).containsExactlyInAnyOrder("office_id", "phone_numbers");
        assertThat(phones.foreignKeys()).extracting(ForeignKey::referencedTable)
                .containsExactly(QualifiedName.of("public", "office"));
    }

    @Test
    void singleTableInheritanceAddsADiscriminatorAndChecks() {
        Table vehicle = table("vehicle");
        assertThat(vehicle.columns()).containsExactlyInAnyOrder(
                Column.of("id", "bigint", false),
                Column.of("dtype", "varchar(31)", false),
                Column.of("seats", "integer", true));
        assertThat(vehicle.checks()).containsExactlyInAnyOrder(
                new CheckConstraint("vehicle_dtype_check", "dtype in ('Vehicle','Car')"),
                new CheckConstraint("vehicle_check", "dtype <> 'Car' or (seats is not null)"));
        assertThat(model.tables()).extracting(t -> t.name().name()).doesNotContain("car");
    }

    @Test
    void otherSchemaQuotedAndNonAsciiNamesAreKeptAsPostgresqlStoresThem() {
        assertThat(model.schemas()).containsExactly("hr", "public");
        Table payroll = model.table(QualifiedName.of("hr", "Payroll Entry")).orElseThrow();
        assertThat(payroll.columns()).containsExactlyInAnyOrder(
                Column.of("id", "bigint", false),
                Column.of("Betrag€", "numeric(12,2)", false),
                Column.of("office_id", "integer", true));
        assertThat(payroll.primaryKey()).map(p -> p.columns()).contains(List.of("id"));
        // an unnamed @Index gets PostgreSQL's default name instead of Hibernate's hash
        assertThat(payroll.indexes()).containsExactly(
                io.driftgate.model.Index.on("Payroll Entry_office_id_idx", false, List.of("office_id DESC")));
        assertThat(payroll.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.referencedTable()).isEqualTo(QualifiedName.of("public", "office"));
            assertThat(fk.columns()).containsExactly("office_id");
        });
    }
}
