package io.driftgate.model;

import java.util.Optional;

/**
 * A stand-alone or serial-owned sequence. Sequences behind identity columns are part of the column
 * ({@link Column.Identity}) and are not listed.
 */
public record Sequence(
        QualifiedName name,
        String dataType,
        long start,
        long increment,
        long minValue,
        long maxValue,
        long cache,
        boolean cycle,
        Optional<ColumnRef> ownedBy) {

    public Sequence {
        dataType = TypeNames.normalize(dataType);
    }

    /** {@code CREATE SEQUENCE name} with PostgreSQL's defaults for a bigint sequence. */
    public static Sequence defaults(QualifiedName name) {
        return new Sequence(name, "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false, Optional.empty());
    }

    /** The column a sequence belongs to ({@code OWNED BY}). */
    public record ColumnRef(QualifiedName table, String column) {
    }
}
