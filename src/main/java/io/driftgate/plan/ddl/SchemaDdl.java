package io.driftgate.plan.ddl;

import io.driftgate.model.SchemaModel;
import io.driftgate.model.Table;
import io.driftgate.sql.Identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The statements that build a whole schema model in an empty database, in an order that works. */
public final class SchemaDdl {

    private SchemaDdl() {
    }

    /**
     * Schemas, enum types, sequences (column defaults may call nextval), tables, sequence ownership,
     * then foreign keys (every referenced key exists by then) and indexes.
     */
    public static List<String> create(SchemaModel model) {
        List<String> statements = new ArrayList<>();
        model.schemas().forEach(s -> statements.add("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(s)));
        model.enumTypes().forEach(e -> statements.add(EnumDdl.create(e)));
        model.sequences().forEach(s -> statements.add(SequenceDdl.create(s)));
        model.tables().forEach(t -> statements.add(TableDdl.create(t)));
        model.sequences().stream().map(SequenceDdl::ownedBy).flatMap(Optional::stream).forEach(statements::add);
        model.tables().forEach(t -> statements.addAll(TableDdl.addForeignKeys(t)));
        for (Table table : model.tables()) {
            table.indexes().forEach(i -> statements.add(IndexDdl.create(table, i)));
        }
        return List.copyOf(statements);
    }
}
