package io.driftgate.read.catalog;

import io.driftgate.model.CheckConstraint;
import io.driftgate.model.EnumType;
import io.driftgate.model.ForeignKey;
import io.driftgate.model.ForeignKey.Action;
import io.driftgate.model.Index;
import io.driftgate.model.PrimaryKey;
import io.driftgate.model.QualifiedName;
import io.driftgate.model.SchemaModel;
import io.driftgate.model.Sequence;
import io.driftgate.model.Table;
import io.driftgate.model.UniqueConstraint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden tests: keys, checks, indexes, enum types and sequences, DDL in, model out. */
class CatalogReaderConstraintsTest {

    private static QualifiedName pub(String name) {
        return QualifiedName.of("public", name);
    }

    @Test
    void primaryAndUniqueKeysKeepConstraintColumnOrder() throws Exception {
        Table t = Catalog.afterDdl("""
                CREATE TABLE pair (b int, a int, "Order" text, CONSTRAINT pair_pk PRIMARY KEY (a, b),
                  CONSTRAINT "Pair Unique" UNIQUE ("Order", b));
                """).table(pub("pair")).orElseThrow();
        assertThat(t.primaryKey()).contains(new PrimaryKey("pair_pk", List.of("a", "b")));
        assertThat(t.uniqueConstraints()).containsExactly(UniqueConstraint.of("Pair Unique", List.of("Order", "b")));
        assertThat(t.indexes()).as("indexes behind constraints are not listed").isEmpty();
    }

    @Test
    void uniqueNullsNotDistinctFromPostgres15On() throws Exception {
        boolean supported = serverMajorVersion() >= 15; // the reader must also work on 13 and 14, without it
        Table t = Catalog.afterDdl("CREATE TABLE u (a int, CONSTRAINT u_a UNIQUE "
                + (supported ? "NULLS NOT DISTINCT " : "") + "(a));").table(pub("u")).orElseThrow();
        assertThat(t.uniqueConstraints()).containsExactly(new UniqueConstraint("u_a", List.of("a"), supported));
    }

    private static int serverMajorVersion() throws Exception {
        try (var db = io.driftgate.testing.TestDatabases.fresh(); var c = db.settings().open()) {
            return c.getMetaData().getDatabaseMajorVersion();
        }
    }

    @Test
    void foreignKeysWithActionsDeferrabilityAndOtherSchemas() throws Exception {
        SchemaModel model = Catalog.afterDdl("""
                CREATE SCHEMA ref;
                CREATE TABLE ref.owner (x int, y int, PRIMARY KEY (y, x));
                CREATE TABLE public.parent (id int PRIMARY KEY);
                CREATE TABLE public.child (id int, a int, b int, p int,
                  CONSTRAINT to_owner FOREIGN KEY (a, b) REFERENCES ref.owner (x, y) ON DELETE CASCADE ON UPDATE SET NULL,
                  CONSTRAINT to_parent FOREIGN KEY (p) REFERENCES parent DEFERRABLE INITIALLY DEFERRED,
                  CONSTRAINT restricts FOREIGN KEY (id) REFERENCES parent ON DELETE RESTRICT ON UPDATE SET DEFAULT
                    DEFERRABLE);
                """);
        assertThat(model.table(pub("child")).orElseThrow().foreignKeys()).containsExactly(
                new ForeignKey("restricts", List.of("id"), pub("parent"), List.of("id"), Action.RESTRICT,
                        Action.SET_DEFAULT, true, false),
                new ForeignKey("to_owner", List.of("a", "b"), QualifiedName.of("ref", "owner"), List.of("x", "y"),
                        Action.CASCADE, Action.SET_NULL, false, false),
                new ForeignKey("to_parent", List.of("p"), pub("parent"), List.of("id"), Action.NO_ACTION,
                        Action.NO_ACTION, true, true));
    }

    @Test
    void checksReadAsPgGetConstraintdefWithoutCheck() throws Exception {
        Table t = Catalog.afterDdl("""
                CREATE TABLE c (n int CONSTRAINT positive CHECK (n > 0), s text,
                  CONSTRAINT "Both" CHECK (n < 10 AND s <> 'x'));
                ALTER TABLE c ADD CONSTRAINT later CHECK (s IS NOT NULL) NOT VALID;
                """).table(pub("c")).orElseThrow();
        assertThat(t.checks()).containsExactly(
                new CheckConstraint("Both", "(((n < 10) AND (s <> 'x'::text)))"),
                new CheckConstraint("later", "((s IS NOT NULL))"),
                new CheckConstraint("positive", "((n > 0))"));
    }

    @Test
    void partialExpressionIncludeAndMethodIndexes() throws Exception {
        Table t = Catalog.afterDdl("""
                CREATE TABLE person (id int PRIMARY KEY, email text, "Last Name" text, deleted_at date, tags int[],
                  UNIQUE (email));
                CREATE UNIQUE INDEX person_email_live ON person (lower(email)) WHERE deleted_at IS NULL;
                CREATE INDEX "Person Name" ON person ("Last Name", id DESC) INCLUDE (email, deleted_at);
                CREATE INDEX person_tags ON person USING gin (tags);
                CREATE INDEX person_sum ON person ((id + 1), email);
                """).table(pub("person")).orElseThrow();
        assertThat(t.indexes()).containsExactly(
                new Index("Person Name", false, "btree", List.of("Last Name", "id"), List.of("email", "deleted_at"),
                        Optional.empty()),
                new Index("person_email_live", true, "btree", List.of("lower(email)"), List.of(),
                        Optional.of("deleted_at IS NULL")),
                new Index("person_sum", false, "btree", List.of("(id + 1)", "email"), List.of(), Optional.empty()),
                new Index("person_tags", false, "gin", List.of("tags"), List.of(), Optional.empty()));
    }

    @Test
    void enumLabelsInSortOrderEvenWhenAddedLater() throws Exception {
        SchemaModel model = Catalog.afterDdl("""
                CREATE SCHEMA billing;
                CREATE TYPE billing."Fine Status" AS ENUM ('open', 'paid');
                ALTER TYPE billing."Fine Status" ADD VALUE 'disputed' BEFORE 'paid';
                ALTER TYPE billing."Fine Status" ADD VALUE 'Größe ''quoted''' AFTER 'open';
                CREATE TYPE public.elsewhere AS ENUM ('x');
                """, "billing");
        assertThat(model.enumTypes()).containsExactly(new EnumType(QualifiedName.of("billing", "Fine Status"),
                List.of("open", "Größe 'quoted'", "disputed", "paid")));
    }

    @Test
    void standAloneSequencesWithTheirOptions() throws Exception {
        SchemaModel model = Catalog.afterDdl("""
                CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY, x int);
                CREATE SEQUENCE "Ticket Seq" AS integer INCREMENT BY 5 MINVALUE 10 MAXVALUE 1000 START 20 CACHE 3 CYCLE;
                CREATE SEQUENCE down INCREMENT BY -1;
                CREATE SEQUENCE owned AS smallint OWNED BY t.x;
                """);
        assertThat(model.sequences()).containsExactly(
                new Sequence(pub("Ticket Seq"), "int4", 20, 5, 10, 1000, 3, true, Optional.empty()),
                new Sequence(pub("down"), "bigint", -1, -1, Long.MIN_VALUE, -1, 1, false, Optional.empty()),
                new Sequence(pub("owned"), "smallint", 1, 1, 1, Short.MAX_VALUE, 1, false,
                        Optional.of(new Sequence.ColumnRef(pub("t"), "x"))));
    }
}
