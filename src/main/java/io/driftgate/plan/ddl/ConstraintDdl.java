package io.driftgate.plan.ddl;

import io.driftgate.model.CheckConstraint;
import io.driftgate.model.ForeignKey;
import io.driftgate.model.PrimaryKey;
import io.driftgate.model.QualifiedName;
import io.driftgate.model.UniqueConstraint;
import io.driftgate.sql.Identifiers;

/** Table constraints: the clause (as inside CREATE TABLE) and the ALTER TABLE … ADD that adds it. */
public final class ConstraintDdl {

    private ConstraintDdl() {
    }

    public static String primaryKey(PrimaryKey key) {
        return named(key.name()) + "PRIMARY KEY (" + Identifiers.list(key.columns()) + ")";
    }

    public static String unique(UniqueConstraint unique) {
        return named(unique.name()) + "UNIQUE " + (unique.nullsNotDistinct() ? "NULLS NOT DISTINCT " : "")
                + "(" + Identifiers.list(unique.columns()) + ")";
    }

    public static String foreignKey(ForeignKey key) {
        StringBuilder sql = new StringBuilder(named(key.name())).append("FOREIGN KEY (")
                .append(Identifiers.list(key.columns())).append(") REFERENCES ")
                .append(TableDdl.name(key.referencedTable())).append(" (")
                .append(Identifiers.list(key.referencedColumns())).append(')');
        if (key.onUpdate() != ForeignKey.Action.NO_ACTION) {
            sql.append(" ON UPDATE ").append(key.onUpdate().sql());
        }
        if (key.onDelete() != ForeignKey.Action.NO_ACTION) {
            sql.append(" ON DELETE ").append(key.onDelete().sql());
        }
        if (key.deferrable()) {
            sql.append(" DEFERRABLE INITIALLY ").append(key.initiallyDeferred() ? "DEFERRED" : "IMMEDIATE");
        }
        return sql.toString();
    }

    /** The expression is kept as the catalog prints it (with its own parentheses). */
    public static String check(CheckConstraint check) {
        return named(check.name()) + "CHECK " + parenthesised(check.expression());
    }

    public static String addPrimaryKey(QualifiedName table, PrimaryKey key) {
        return add(table, primaryKey(key));
    }

    public static String addUnique(QualifiedName table, UniqueConstraint unique) {
        return add(table, unique(unique));
    }

    public static String addForeignKey(QualifiedName table, ForeignKey key) {
        return add(table, foreignKey(key));
    }

    public static String addCheck(QualifiedName table, CheckConstraint check) {
        return add(table, check(check));
    }

    private static String add(QualifiedName table, String clause) {
        return "ALTER TABLE " + TableDdl.name(table) + " ADD " + clause;
    }

    private static String named(String name) {
        return "CONSTRAINT " + Identifiers.quote(name) + " ";
    }

    // a hand-written "a > 0" needs parentheses; the catalog's "((a > 0))" already has them
    private static String parenthesised(String expression) {
        String text = expression.trim();
        return text.startsWith("(") && text.endsWith(")") && balancedOuter(text) ? text : "(" + text + ")";
    }

    private static boolean balancedOuter(String text) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
                if (depth == 0 && i < text.length() - 1) {
                    return false; // "(a) AND (b)": the first group closes early
                }
            }
        }
        return depth == 0;
    }
}
