package io.driftgate.model;

import java.util.List;

/** A UNIQUE constraint (not a unique index without a constraint: that is an {@link Index}). */
public record UniqueConstraint(String name, List<String> columns, boolean nullsNotDistinct) {
    public UniqueConstraint {
        columns = List.copyOf(columns);
    }

    public static UniqueConstraint of(String name, List<String> columns) {
        return new UniqueConstraint(name, columns, false);
    }
}
