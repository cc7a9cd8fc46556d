package io.driftgate.diff;

import io.driftgate.model.QualifiedName;

import java.util.Optional;

/** Which table (and so which schema) a drift is about, for questions like "is this inside a table that is missing?". */
public final class DriftScope {

    private DriftScope() {
    }

    public static Optional<QualifiedName> table(Drift d) {
        if (d instanceof Drift.MissingTable m) {
            return Optional.of(m.table().name());
        } else if (d instanceof Drift.MissingColumn m) {
            return Optional.of(m.table());
        } else if (d instanceof Drift.ColumnTypeDiffers m) {
            return Optional.of(m.table());
        } else if (d instanceof Drift.NullabilityDiffers m) {
            return Optional.of(m.table());
        } else if (d instanceof Drift.DefaultDiffers m) {
            return Optional.of(m.table());
        } else if (d instanceof Drift.IdentityDiffers m) {
            return Optional.of(m.table());
        } else if (d instanceof Drift.GeneratedDiffers m) {
            return Optional.of(m.table());
        } else if (d instanceof Drift.MissingPrimaryKey m) {
            return Optional.of(m.table());
        } else if (d instanceof Drift.PrimaryKeyDiffers m) {
            return Optional.of(m.table());
        } else if (d instanceof Drift.MissingUnique m) {
            return Optional.of(m.table());
        } else if (d instanceof Drift.MissingForeignKey m) {
            return Optional.of(m.table());
        } else if (d instanceof Drift.ForeignKeyDiffers m) {
            return Optional.of(m.table());
        } else if (d instanceof Drift.MissingCheck m) {
            return Optional.of(m.table());
        } else if (d instanceof Drift.MissingIndex m) {
            return Optional.of(m.table());
        } else if (d instanceof Drift.IndexDiffers m) {
            return Optional.of(m.table());
        } else if (d instanceof Drift.NameDiffers m) {
            return Optional.of(m.table());
        } else if (d instanceof Drift.ExtraTable m) {
            return Optional.of(m.table());
        } else if (d instanceof Drift.ExtraColumn m) {
            return Optional.of(m.table());
        }
        return Optional.empty();
    }

    /** The schema the drift is in. */
    public static Optional<String> schema(Drift d) {
        if (d instanceof Drift.MissingSchema m) {
            return Optional.of(m.schema());
        } else if (d instanceof Drift.MissingEnumType m) {
            return Optional.of(m.enumType().name().schema());
        } else if (d instanceof Drift.MissingEnumLabels m) {
            return Optional.of(m.expected().name().schema());
        } else if (d instanceof Drift.EnumOrderDiffers m) {
            return Optional.of(m.expected().name().schema());
        } else if (d instanceof Drift.MissingSequence m) {
            return Optional.of(m.sequence().name().schema());
        } else if (d instanceof Drift.SequenceDiffers m) {
            return Optional.of(m.expected().name().schema());
        }
        return table(d).map(QualifiedName::schema);
    }

    /** {@code inner} is about something inside what {@code outer} says is missing (a missing table or schema), or the same object. */
    public static boolean covers(Drift outer, Drift inner) {
        if (outer.kind().equals(inner.kind()) && outer.subject().equals(inner.subject())) {
            return true;
        }
        if (outer instanceof Drift.MissingTable t) {
            return table(inner).equals(Optional.of(t.table().name()));
        }
        if (outer instanceof Drift.MissingSchema s) {
            return schema(inner).equals(Optional.of(s.schema()));
        }
        return false;
    }
}
