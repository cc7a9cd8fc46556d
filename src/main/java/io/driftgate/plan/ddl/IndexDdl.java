package io.driftgate.plan.ddl;

import io.driftgate.model.Index;
import io.driftgate.model.QualifiedName;
import io.driftgate.model.Table;
import io.driftgate.sql.Identifiers;

import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** CREATE INDEX for an index that does not back a constraint. */
public final class IndexDdl {

    private IndexDdl() {
    }

    /**
     * Tells column keys from expression keys by the table's columns: a key naming a column is quoted,
     * anything else is an expression and goes in parentheses.
     */
    public static String create(Table table, Index index) {
        Set<String> columns = table.columns().stream().map(c -> c.name()).collect(Collectors.toSet());
        return create(table.name(), index, columns::contains);
    }

    /**
     * Without the table's columns: PostgreSQL prints every expression key either as a function call or
     * in parentheses, so a key containing {@code (} is taken as an expression.
     */
    public static String create(QualifiedName table, Index index) {
        return create(table, index, key -> !key.contains("("));
    }

    private static String create(QualifiedName table, Index index, Predicate<String> isColumn) {
        StringBuilder sql = new StringBuilder("CREATE ").append(index.unique() ? "UNIQUE " : "").append("INDEX ")
                .append(Identifiers.quote(index.name())).append(" ON ").append(TableDdl.name(table));
        if (!index.method().equals("btree")) {
            sql.append(" USING ").append(Identifiers.quote(index.method()));
        }
        sql.append(" (").append(index.keys().stream().map(k -> isColumn.test(k) ? Identifiers.quote(k) : "(" + k + ")")
                .collect(Collectors.joining(", "))).append(')');
        if (!index.include().isEmpty()) {
            sql.append(" INCLUDE (").append(Identifiers.list(index.include())).append(')');
        }
        index.predicate().ifPresent(p -> sql.append(" WHERE ").append(p));
        return sql.toString();
    }
}
