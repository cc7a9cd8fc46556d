package io.driftgate.read.entities;

import io.driftgate.model.CheckConstraint;
import io.driftgate.model.Column;
import io.driftgate.model.ForeignKey;
import io.driftgate.model.Index;
import io.driftgate.model.PrimaryKey;
import io.driftgate.model.QualifiedName;
import io.driftgate.model.SchemaModel;
import io.driftgate.model.Sequence;
import io.driftgate.model.Table;
import io.driftgate.model.UniqueConstraint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fixture app's entities read with Spring Boot's naming: exactly the schema its migrations build. */
class EntityMappingTest {

    private static SchemaModel model;

    @BeforeAll
    static void read() {
        model = FixtureEntities.read();
    }

    private static Table table(String name) {
        return model.table(QualifiedName.of("public", name)).orElseThrow(() -> new AssertionError("no table " + name));
    }

    @Test
    void findsTheFixtureTablesInTheDefaultSchema() {
        assertThat(model.schemas()).containsExactly("public");
        assertThat(model.tables()).extracting(t -> t.name().name())
                .containsExactly("app_user", "candidate", "candidate_job");
        assertThat(model.enumTypes()).isEmpty();
    }

    @Test
    void appUserHasAnIdentityKeyAndAUniqueEmailFromColumnUnique() {
        Table user = table("app_user");
        assertThat(user.columns()).containsExactlyInAnyOrder(
                Column.of("id", "bigint", false).withIdentity(Column.Identity.BY_DEFAULT),
                Column.of("email", "varchar(255)", false),
                Column.of("display_name", "varchar(100)", true),
                Column.of("created_at", "timestamp(6) with time zone", false).withDefault("now()"));
        assertThat(user.primaryKey()).contains(new PrimaryKey("app_user_pkey", List.of("id")));
        // @Column(unique = true) is a flag on Hibernate's column, not one of the table's unique keys
        assertThat(user.uniqueConstraints()).containsExactly(UniqueConstraint.of("app_user_email_key", List.of("email")));
        assertThat(user.foreignKeys()).isEmpty();
        assertThat(user.checks()).isEmpty();
    }

    @Test
    void candidateHasTheIncidentColumnAndTheEnumCheck() {
        Table candidate = table("candidate");
        assertThat(candidate.column("expected_wage")).contains(Column.of("expected_wage", "numeric(10,2)", true));
        assertThat(candidate.column("contact_current_employer"))
                .contains(Column.of("contact_current_employer", "character varying(255)", true));
        assertThat(candidate.column("full_name")).contains(Column.of("full_name", "varchar(200)", false));
        assertThat(candidate.column("status")).contains(Column.of("status", "varchar(20)", false).withDefault("'NEW'"));
        assertThat(candidate.column("archived")).contains(Column.of("archived", "boolean", false).withDefault("false"));
        assertThat(candidate.column("user_id")).contains(Column.of("user_id", "bigint", false));
        assertThat(candidate.columns()).hasSize(7);
        assertThat(candidate.primaryKey().map(PrimaryKey::columns)).contains(List.of("id"));
        // the one-to-one's key column is unique, again only as a column flag
        assertThat(candidate.uniqueConstraints()).containsExactly(UniqueConstraint.of("candidate_user_id_key", List.of("user_id")));
        assertThat(candidate.foreignKeys()).containsExactly(ForeignKey.of("candidate_user_id_fkey", List.of("user_id"),
                QualifiedName.of("public", "app_user"), List.of("id")));
        // Hibernate's own check for @Enumerated(STRING), in Hibernate's spelling, under PostgreSQL's default name
        assertThat(candidate.checks()).containsExactly(new CheckConstraint("candidate_status_check",
                "status in ('NEW','SCREENING','HIRED','REJECTED')"));
    }

    @Test
    void candidateJobHasCascadingKeyIndexCompositeUniqueAndSequence() {
        Table job = table("candidate_job");
        assertThat(job.columns()).extracting(Column::name).containsExactlyInAnyOrder(
                "id", "candidate_id", "title", "employer", "started_on", "ended_on");
        assertThat(job.column("id")).contains(Column.of("id", "bigint", false));
        assertThat(job.column("started_on")).contains(Column.of("started_on", "date", false));
        assertThat(job.column("ended_on")).contains(Column.of("ended_on", "date", true));
        assertThat(job.foreignKeys()).containsExactly(new ForeignKey("candidate_job_candidate_id_fkey",
                List.of("candidate_id"), QualifiedName.of("public", "candidate"), List.of("id"),
                ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION, false, false));
        assertThat(job.indexes()).containsExactly(Index.on("idx_candidate_job_candidate_id", false, List.of("candidate_id")));
        assertThat(job.uniqueConstraints()).containsExactly(UniqueConstraint.of("uq_candidate_job_candidate_title_start",
                List.of("candidate_id", "title", "started_on")));
        assertThat(model.sequences()).containsExactly(new Sequence(QualifiedName.of("public", "candidate_job_seq"),
                "bigint", 1, 50, 1, Long.MAX_VALUE, 1, false, java.util.Optional.empty()));
    }

    @Test
    void defaultSchemaApplies() {
        SchemaModel other = new EntityMapping().read(FixtureEntities.source().withDefaultSchema("hiring"));
        assertThat(other.schemas()).containsExactly("hiring");
        assertThat(other.table(QualifiedName.of("hiring", "candidate")).orElseThrow().foreignKeys())
                .extracting(ForeignKey::referencedTable).containsExactly(QualifiedName.of("hiring", "app_user"));
        assertThat(other.sequences()).extracting(Sequence::name)
                .containsExactly(QualifiedName.of("hiring", "candidate_job_seq"));
    }

    @Test
    void readingTwiceGivesEqualModels() {
        assertThat(FixtureEntities.read()).isEqualTo(model);
    }
}
