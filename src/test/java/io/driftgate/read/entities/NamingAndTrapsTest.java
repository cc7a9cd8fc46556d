package io.driftgate.read.entities;

import io.driftgate.failure.DriftgateException;
import io.driftgate.failure.Failure;
import io.driftgate.model.CheckConstraint;
import io.driftgate.model.Column;
import io.driftgate.model.ForeignKey;
import io.driftgate.model.QualifiedName;
import io.driftgate.model.SchemaModel;
import io.driftgate.model.Sequence;
import io.driftgate.model.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spring vs JPA naming, and the mapping details that do not come back from Hibernate the way a database shows them. */
class NamingAndTrapsTest {

    private static final String SAMPLE = "io.driftgate.read.entities.sample";

    private static SchemaModel sample(Naming naming) {
        return new EntityMapping().read(EntitySource.of(FixtureEntities.TEST_CLASSES)
                .withPackages(List.of(SAMPLE)).withNaming(naming));
    }

    private static Table table(SchemaModel model, String name) {
        return model.table(QualifiedName.of("public", name)).orElseThrow(() -> new AssertionError("no table " + name
                + " in " + model.tables().stream().map(Table::name).toList()));
    }

    @Test
    void springNamingSnakeCasesAndNamesJoinTablesAfterTheAttribute() {
        SchemaModel model = sample(Naming.SPRING);
        assertThat(model.tables()).extracting(t -> t.name().name())
                .containsExactly("hiring_manager", "job_posting", "job_posting_reviewers");
        assertThat(table(model, "job_posting").columns()).extracting(Column::name).containsExactlyInAnyOrder(
                "id", "publication_state", "priority", "posted_at", "Salary Band", "hiring_manager_id");
        assertThat(table(model, "job_posting_reviewers").columns()).extracting(Column::name)
                .containsExactlyInAnyOrder("job_posting_id", "reviewers_id");
        assertThat(model.sequences()).extracting(s -> s.name().name()).containsExactly("job_posting_seq");
    }

    @Test
    void jpaNamingKeepsNamesAsWrittenWhichPostgresqlFoldsToLowerCase() {
        SchemaModel model = sample(Naming.JPA);
        assertThat(model.tables()).extracting(t -> t.name().name())
                .containsExactly("hiringmanager", "jobposting", "jobposting_hiringmanager");
        assertThat(table(model, "jobposting").columns()).extracting(Column::name).containsExactlyInAnyOrder(
                "id", "publicationstate", "priority", "postedat", "Salary Band", "hiringmanager_id");
        assertThat(table(model, "jobposting_hiringmanager").columns()).extracting(Column::name)
                .containsExactlyInAnyOrder("jobposting_id", "reviewers_id");
        assertThat(table(model, "jobposting").foreignKeys()).extracting(ForeignKey::referencedTable)
                .containsExactly(QualifiedName.of("public", "hiringmanager"));
        assertThat(model.sequences()).extracting(s -> s.name().name()).containsExactly("jobposting_seq");
    }

    @Test
    void fixtureUnderTheWrongNamingIsReportedNotMappedToPhantomColumns() {
        assertThatThrownBy(() -> new EntityMapping().read(FixtureEntities.source().withNaming(Naming.JPA)))
                .isInstanceOfSatisfying(DriftgateException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_INPUT))
                .hasMessageContaining("public.candidatejob")
                .hasMessageContaining("started_on")
                .hasMessageContaining("--naming");
    }

    @Test
    void columnDefinitionIsSplitIntoTypeDefaultAndNullability() {
        Table posting = table(sample(Naming.SPRING), "job_posting");
        assertThat(posting.column("publication_state"))
                .contains(Column.of("publication_state", "character varying(40)", false).withDefault("'draft'"));
    }

    @Test
    void ordinalEnumGetsHibernatesRangeCheckAndLocalDateTimeItsPrecision() {
        Table posting = table(sample(Naming.SPRING), "job_posting");
        assertThat(posting.column("priority")).contains(Column.of("priority", "smallint", true));
        assertThat(posting.checks()).containsExactly(new CheckConstraint("job_posting_priority_check", "priority between 0 and 2"));
        assertThat(posting.column("posted_at")).contains(Column.of("posted_at", "timestamp(6) without time zone", true));
    }

    @Test
    void sequenceWithoutGeneratorUsesHibernatesDefaults() {
        Sequence sequence = sample(Naming.SPRING).sequences().get(0);
        assertThat(sequence.start()).isEqualTo(1);
        assertThat(sequence.increment()).isEqualTo(50);
        assertThat(table(sample(Naming.SPRING), "job_posting").column("id"))
                .contains(Column.of("id", "bigint", false));
    }

    @Test
    void dialectTargetsTheRequestedPostgresqlVersion() {
        EntitySource source = FixtureEntities.source().withPostgresMajorVersion(16);
        try (EntityClasses classes = EntityClasses.load(source.location(), EntityScan.mappedClasses(source));
             HibernateBoot boot = HibernateBoot.build(classes, source)) {
            assertThat(boot.dialect()).isInstanceOf(org.hibernate.dialect.PostgreSQLDialect.class);
            assertThat(boot.dialect().getVersion().getDatabaseMajorVersion()).isEqualTo(16);
        }
    }
}
