package io.driftgate.plan.ddl;

import io.driftgate.model.CheckConstraint;
import io.driftgate.model.Column;
import io.driftgate.model.EnumType;
import io.driftgate.model.ForeignKey;
import io.driftgate.model.Index;
import io.driftgate.model.PrimaryKey;
import io.driftgate.model.QualifiedName;
import io.driftgate.model.SchemaModel;
import io.driftgate.model.Sequence;
import io.driftgate.model.Table;
import io.driftgate.model.UniqueConstraint;
import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.read.catalog.CatalogReader;
import io.driftgate.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQL each renderer writes, and that a whole model built from it reads back equal. */
class DdlRenderersTest {

    private static final QualifiedName ORDER = QualifiedName.of("Fines App", "Order");

    @Test
    void columnDefinitions() {
        assertThat(ColumnDdl.definition(Column.of("Select", "varchar(20)", false).withDefault("'x'")))
                .isEqualTo("\"Select\" character varying(20) DEFAULT 'x' NOT NULL");
        assertThat(ColumnDdl.definition(Column.of("id", "bigint", false).withIdentity(Column.Identity.ALWAYS)))
                .isEqualTo("id bigint GENERATED ALWAYS AS IDENTITY NOT NULL");
        assertThat(ColumnDdl.definition(new Column("c", "text", true, Optional.empty(), Column.Identity.NONE,
                Optional.empty(), Optional.of("en_US.utf8")))).isEqualTo("c text COLLATE \"en_US.utf8\"");
        assertThat(ColumnDdl.add(ORDER, Column.of("größe", "int", true)))
                .isEqualTo("ALTER TABLE \"Fines App\".\"Order\" ADD COLUMN \"größe\" integer");
    }

    @Test
    void constraints() {
        QualifiedName t = QualifiedName.of("public", "child");
        assertThat(ConstraintDdl.addPrimaryKey(t, new PrimaryKey("child_pkey", List.of("a", "user"))))
                .isEqualTo("ALTER TABLE public.child ADD CONSTRAINT child_pkey PRIMARY KEY (a, \"user\")");
        assertThat(ConstraintDdl.addUnique(t, new UniqueConstraint("U", List.of("a"), true)))
                .isEqualTo("ALTER TABLE public.child ADD CONSTRAINT \"U\" UNIQUE NULLS NOT DISTINCT (a)");
        assertThat(ConstraintDdl.addForeignKey(t, new ForeignKey("fk", List.of("p"), ORDER, List.of("id"),
                ForeignKey.Action.CASCADE, ForeignKey.Action.SET_NULL, true, true)))
                .isEqualTo("ALTER TABLE public.child ADD CONSTRAINT fk FOREIGN KEY (p) REFERENCES "
                        + "\"Fines App\".\"Order\" (id) ON UPDATE SET NULL ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED");
        assertThat(ConstraintDdl.addCheck(t, new CheckConstraint("c1", "((n > 0))")))
                .isEqualTo("ALTER TABLE public.child ADD CONSTRAINT c1 CHECK ((n > 0))");
        assertThat(ConstraintDdl.check(new CheckConstraint("c2", "(a > 0) AND (b > 0)")))
                .isEqualTo("CONSTRAINT c2 CHECK ((a > 0) AND (b > 0))");
    }

    @Test
    void indexesEnumsAndSequences() {
        Index partial = new Index("i", true, "btree", List.of("lower(email)", "Last Name"), List.of("id"),
                Optional.of("deleted_at IS NULL"));
        assertThat(IndexDdl.create(ORDER, partial)).isEqualTo("CREATE UNIQUE INDEX i ON \"Fines App\".\"Order\" "
                + "((lower(email)), \"Last Name\") INCLUDE (id) WHERE deleted_at IS NULL");
        assertThat(IndexDdl.create(ORDER, new Index("g", false, "gin", List.of("tags"), List.of(), Optional.empty())))
                .isEqualTo("CREATE INDEX g ON \"Fines App\".\"Order\" USING gin (tags)");
        QualifiedName status = QualifiedName.of("public", "fine_status");
        assertThat(EnumDdl.create(new EnumType(status, List.of("open", "it's"))))
                .isEqualTo("CREATE TYPE public.fine_status AS ENUM ('open', 'it''s')");
        assertThat(EnumDdl.addLabelAfter(status, "disputed", "open"))
                .isEqualTo("ALTER TYPE public.fine_status ADD VALUE 'disputed' AFTER 'open'");
        Sequence seq = new Sequence(QualifiedName.of("public", "t_id_seq"), "integer", 1, 1, 1, 100, 1, false,
                Optional.of(new Sequence.ColumnRef(QualifiedName.of("public", "t"), "id")));
        assertThat(SequenceDdl.create(seq)).isEqualTo("CREATE SEQUENCE public.t_id_seq AS integer INCREMENT BY 1 "
                + "MINVALUE 1 MAXVALUE 100 START WITH 1 CACHE 1 NO CYCLE");
        assertThat(SequenceDdl.ownedBy(seq)).contains("ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id");
    }

    @Test
    void aWholeModelBuiltFromEmptyReadsBackEqual() throws Exception {
        QualifiedName status = QualifiedName.of("Fines App", "Fine Status");
        QualifiedName parent = QualifiedName.of("public", "parent");
        QualifiedName seqName = QualifiedName.of("public", "parent_id_seq");
        Table parentTable = Table.of(parent, List.of(
                        Column.of("id", "integer", false).withDefault("nextval('public.parent_id_seq')"),
                        Column.of("code", "text", true)))
                .withPrimaryKey(new PrimaryKey("parent_pkey", List.of("id")))
                .withUniqueConstraints(List.of(UniqueConstraint.of("parent_code_key", List.of("code"))));
        Table order = Table.of(ORDER, List.of(
                        Column.of("id", "bigint", false).withIdentity(Column.Identity.BY_DEFAULT),
                        Column.of("user", "int", true),
                        Column.of("größe", "\"Fines App\".\"Fine Status\"", false).withDefault("'open'"),
                        new Column("double", "integer", true, Optional.empty(), Column.Identity.NONE,
                                Optional.of("(\"user\" * 2)"), Optional.empty())))
                .withPrimaryKey(new PrimaryKey("Order_pkey", List.of("id")))
                .withForeignKeys(List.of(new ForeignKey("to parent", List.of("user"), parent, List.of("id"),
                        ForeignKey.Action.SET_NULL, ForeignKey.Action.NO_ACTION, true, false)))
                .withChecks(List.of(new CheckConstraint("user_positive", "((\"user\" > 0))")))
                .withIndexes(List.of(new Index("Order by size", false, "btree", List.of("größe", "(\"user\" + 1)"),
                        List.of("id"), Optional.of("\"user\" IS NOT NULL"))));
        SchemaModel model = new SchemaModel(List.of("Fines App", "public"), List.of(parentTable, order),
                List.of(new EnumType(status, List.of("open", "paid"))),
                List.of(new Sequence(seqName, "integer", 1, 1, 1, Integer.MAX_VALUE, 1, false,
                        Optional.of(new Sequence.ColumnRef(parent, "id")))));
        assertThat(build(model)).isEqualTo(model);
    }

    /** Applies {@link SchemaDdl#create} to a fresh database and reads the model's schemas back. */
    static SchemaModel build(SchemaModel model) throws Exception {
        try (ThrowawayDatabase db = TestDatabases.fresh(); Connection c = db.settings().open()) {
            try (Statement s = c.createStatement()) {
                for (String sql : SchemaDdl.create(model)) {
                    s.execute(sql);
                }
            }
            return new CatalogReader().read(c, model.schemas());
        }
    }
}
