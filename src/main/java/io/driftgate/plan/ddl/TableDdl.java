package io.driftgate.plan.ddl;

import io.driftgate.model.QualifiedName;
import io.driftgate.model.Table;
import io.driftgate.sql.Identifiers;

import java.util.ArrayList;
import java.util.List;

/** CREATE TABLE with columns, primary key, unique and check constraints; foreign keys and indexes come separately. */
public final class TableDdl {

    private TableDdl() {
    }

    public static String create(Table table) {
        List<String> parts = new ArrayList<>();
        table.columns().forEach(c -> parts.add(ColumnDdl.definition(c)));
        table.primaryKey().ifPresent(k -> parts.add(ConstraintDdl.primaryKey(k)));
        table.uniqueConstraints().forEach(u -> parts.add(ConstraintDdl.unique(u)));
        table.checks().forEach(c -> parts.add(ConstraintDdl.check(c)));
        return "CREATE TABLE " + name(table.name()) + " (\n    " + String.join(",\n    ", parts) + "\n)";
    }

    /** ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY for each foreign key, for after every table exists. */
    public static List<String> addForeignKeys(Table table) {
        return table.foreignKeys().stream().map(k -> ConstraintDdl.addForeignKey(table.name(), k)).toList();
    }

    static String name(QualifiedName name) {
        return Identifiers.qualified(name.schema(), name.name());
    }
}
