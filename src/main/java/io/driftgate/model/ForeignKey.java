package io.driftgate.model;

import java.util.List;
import java.util.Objects;

/** A foreign key; matched on columns, referenced table and referenced columns, never on its name. */
public record ForeignKey(
        String name,
        List<String> columns,
        QualifiedName referencedTable,
        List<String> referencedColumns,
        Action onDelete,
        Action onUpdate,
        boolean deferrable,
        boolean initiallyDeferred) {

    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        Objects.requireNonNull(referencedTable, "referencedTable");
        Objects.requireNonNull(onDelete, "onDelete");
        Objects.requireNonNull(onUpdate, "onUpdate");
    }

    public static ForeignKey of(String name, List<String> columns, QualifiedName target, List<String> targetColumns) {
        return new ForeignKey(name, columns, target, targetColumns, Action.NO_ACTION, Action.NO_ACTION, false, false);
    }

    /** Referential action, spelled as in SQL by {@link #sql()}. */
    public enum Action {
        NO_ACTION, RESTRICT, CASCADE, SET_NULL, SET_DEFAULT;

        public String sql() {
            return name().replace('_', ' ');
        }

        /** From {@code pg_constraint.confdeltype}/{@code confupdtype}. */
        public static Action fromCatalogCode(char code) {
            return switch (code) {
                case 'a' -> NO_ACTION;
                case 'r' -> RESTRICT;
                case 'c' -> CASCADE;
                case 'n' -> SET_NULL;
                case 'd' -> SET_DEFAULT;
                default -> throw new IllegalArgumentException("unknown referential action code '" + code + "'");
            };
        }
    }
}
