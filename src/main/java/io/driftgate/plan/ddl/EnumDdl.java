package io.driftgate.plan.ddl;

import io.driftgate.model.EnumType;
import io.driftgate.model.QualifiedName;
import io.driftgate.sql.Identifiers;

import java.util.stream.Collectors;

/** Enum types: create, and add a label (the only change PostgreSQL allows without recreating the type). */
public final class EnumDdl {

    private EnumDdl() {
    }

    public static String create(EnumType type) {
        return "CREATE TYPE " + TableDdl.name(type.name()) + " AS ENUM ("
                + type.labels().stream().map(Identifiers::literal).collect(Collectors.joining(", ")) + ")";
    }

    /** Appends {@code label} after the last one. */
    public static String addLabel(QualifiedName type, String label) {
        return "ALTER TYPE " + TableDdl.name(type) + " ADD VALUE " + Identifiers.literal(label);
    }

    /** Inserts {@code label} right after {@code existing}, to keep the expected sort order. */
    public static String addLabelAfter(QualifiedName type, String label, String existing) {
        return addLabel(type, label) + " AFTER " + Identifiers.literal(existing);
    }

    /** Inserts {@code label} right before {@code existing}. */
    public static String addLabelBefore(QualifiedName type, String label, String existing) {
        return addLabel(type, label) + " BEFORE " + Identifiers.literal(existing);
    }
}
