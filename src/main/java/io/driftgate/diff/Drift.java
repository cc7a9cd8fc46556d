package io.driftgate.diff;

import io.driftgate.model.CheckConstraint;
import io.driftgate.model.Column;
import io.driftgate.model.EnumType;
import io.driftgate.model.ForeignKey;
import io.driftgate.model.Index;
import io.driftgate.model.PrimaryKey;
import io.driftgate.model.QualifiedName;
import io.driftgate.model.Sequence;
import io.driftgate.model.Table;
import io.driftgate.model.UniqueConstraint;

import java.util.List;
import java.util.Optional;

/**
 * One typed difference between an expected schema (migrations or entities) and the live one, naming
 * the exact object. {@link Extra} drift is what the live database has and nobody declares: it is
 * reported and never touched.
 */
public sealed interface Drift {

    /** The object this drift is about, for people: {@code public.candidate.expected_wage}. */
    String subject();

    /** One sentence for people. */
    String describe();

    /** Stable kind for JSON reports and scenario expectations, e.g. {@code missing_column}. */
    default String kind() {
        return getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** Objects only the live database has. */
    sealed interface Extra extends Drift {
    }

    record MissingSchema(String schema) implements Drift {
        public String subject() { return schema; }
        public String describe() { return "schema " + schema + " is missing"; }
    }

    record MissingTable(Table table) implements Drift {
        public String subject() { return table.name().toString(); }
        public String describe() { return "table " + subject() + " is missing"; }
    }

    record MissingColumn(QualifiedName table, Column column) implements Drift {
        public String subject() { return table + "." + column.name(); }
        public String describe() { return "column " + subject() + " (" + column.type() + ") is missing"; }
    }

    record ColumnTypeDiffers(QualifiedName table, String column, String expectedType, String liveType) implements Drift {
        public String subject() { return table + "." + column; }
        public String describe() { return "column " + subject() + " is " + liveType + ", expected " + expectedType; }
    }

    record NullabilityDiffers(QualifiedName table, String column, boolean expectedNullable) implements Drift {
        public String subject() { return table + "." + column; }
        public String describe() {
            return "column " + subject() + (expectedNullable ? " is NOT NULL, expected nullable" : " is nullable, expected NOT NULL");
        }
    }

    record DefaultDiffers(QualifiedName table, String column, Optional<String> expectedDefault, Optional<String> liveDefault)
            implements Drift {
        public String subject() { return table + "." + column; }
        public String describe() {
            return "column " + subject() + " default is " + liveDefault.orElse("(none)") + ", expected " + expectedDefault.orElse("(none)");
        }
    }

    record IdentityDiffers(QualifiedName table, String column, Column.Identity expected, Column.Identity live) implements Drift {
        public String subject() { return table + "." + column; }
        public String describe() { return "column " + subject() + " identity is " + live + ", expected " + expected; }
    }

    record GeneratedDiffers(QualifiedName table, String column, Optional<String> expected, Optional<String> live) implements Drift {
        public String subject() { return table + "." + column; }
        public String describe() {
            return "column " + subject() + " is generated as " + live.orElse("(not generated)") + ", expected " + expected.orElse("(not generated)");
        }
    }

    record MissingPrimaryKey(QualifiedName table, PrimaryKey primaryKey) implements Drift {
        public String subject() { return table.toString(); }
        public String describe() { return "table " + table + " has no primary key, expected (" + String.join(", ", primaryKey.columns()) + ")"; }
    }

    record PrimaryKeyDiffers(QualifiedName table, PrimaryKey expected, PrimaryKey live) implements Drift {
        public String subject() { return table.toString(); }
        public String describe() {
            return "table " + table + " primary key is (" + String.join(", ", live.columns()) + "), expected (" + String.join(", ", expected.columns()) + ")";
        }
    }

    record MissingUnique(QualifiedName table, UniqueConstraint unique) implements Drift {
        public String subject() { return table + "(" + String.join(", ", unique.columns()) + ")"; }
        public String describe() { return "unique constraint " + unique.name() + " on " + subject() + " is missing"; }
    }

    record MissingForeignKey(QualifiedName table, ForeignKey foreignKey) implements Drift {
        public String subject() { return table + "(" + String.join(", ", foreignKey.columns()) + ")"; }
        public String describe() {
            return "foreign key " + foreignKey.name() + " " + subject() + " → " + foreignKey.referencedTable() + " is missing";
        }
    }

    record ForeignKeyDiffers(QualifiedName table, ForeignKey expected, ForeignKey live) implements Drift {
        public String subject() { return table + "(" + String.join(", ", expected.columns()) + ")"; }
        public String describe() {
            return "foreign key " + live.name() + " on " + subject() + " is ON DELETE " + live.onDelete().sql() + " ON UPDATE "
                    + live.onUpdate().sql() + (live.deferrable() ? " DEFERRABLE" : "") + ", expected ON DELETE " + expected.onDelete().sql()
                    + " ON UPDATE " + expected.onUpdate().sql() + (expected.deferrable() ? " DEFERRABLE" : "");
        }
    }

    record MissingCheck(QualifiedName table, CheckConstraint check) implements Drift {
        public String subject() { return table + " " + check.name(); }
        public String describe() { return "check constraint " + check.name() + " on " + table + " (" + check.expression() + ") is missing"; }
    }

    record MissingIndex(QualifiedName table, Index index) implements Drift {
        public String subject() { return table.schema() + "." + index.name(); }
        public String describe() {
            return (index.unique() ? "unique index " : "index ") + subject() + " on " + table + " (" + String.join(", ", index.keys()) + ") is missing";
        }
    }

    record IndexDiffers(QualifiedName table, Index expected, Index live) implements Drift {
        public String subject() { return table.schema() + "." + expected.name(); }
        public String describe() {
            return "index " + subject() + " is on (" + String.join(", ", live.keys()) + ")" + live.predicate().map(p -> " WHERE " + p).orElse("")
                    + ", expected (" + String.join(", ", expected.keys()) + ")" + expected.predicate().map(p -> " WHERE " + p).orElse("");
        }
    }

    record MissingEnumType(EnumType enumType) implements Drift {
        public String subject() { return enumType.name().toString(); }
        public String describe() { return "enum type " + subject() + " is missing"; }
    }

    /** Labels the live enum lacks; {@code expected} gives their places. */
    record MissingEnumLabels(EnumType expected, List<String> labels) implements Drift {
        public MissingEnumLabels {
            labels = List.copyOf(labels);
        }
        public String subject() { return expected.name().toString(); }
        public String describe() { return "enum type " + subject() + " lacks label(s) " + String.join(", ", labels); }
    }

    /** Both have the same labels but not in the same order (PostgreSQL cannot reorder enum labels). */
    record EnumOrderDiffers(EnumType expected, EnumType live) implements Drift {
        public String subject() { return expected.name().toString(); }
        public String describe() { return "enum type " + subject() + " labels are ordered " + live.labels() + ", expected " + expected.labels(); }
    }

    record MissingSequence(Sequence sequence) implements Drift {
        public String subject() { return sequence.name().toString(); }
        public String describe() { return "sequence " + subject() + " is missing"; }
    }

    record SequenceDiffers(Sequence expected, Sequence live) implements Drift {
        public String subject() { return expected.name().toString(); }
        public String describe() { return "sequence " + subject() + " options differ: " + live + ", expected " + expected; }
    }

    /**
     * The same constraint or index under another name, where the name matters: a migration still to run
     * refers to it by the migrations' name. Only reported by history reconciliation.
     */
    record NameDiffers(QualifiedName table, String objectKind, String expectedName, String liveName) implements Drift {
        public String subject() { return table.schema() + "." + liveName; }
        public String describe() {
            return objectKind + " " + liveName + " on " + table + " is named " + expectedName + " in the migrations";
        }
    }

    record ExtraTable(QualifiedName table) implements Extra {
        public String subject() { return table.toString(); }
        public String describe() { return "table " + table + " is not declared anywhere (kept)"; }
    }

    record ExtraColumn(QualifiedName table, String column) implements Extra {
        public String subject() { return table + "." + column; }
        public String describe() { return "column " + subject() + " is not declared anywhere (kept)"; }
    }

    /** A constraint, index, enum label, enum type or sequence only the live database has. */
    record ExtraObject(String objectKind, String name) implements Extra {
        public String subject() { return name; }
        public String describe() { return objectKind + " " + name + " is not declared anywhere (kept)"; }
        @Override
        public String kind() { return "extra_" + objectKind.replace(' ', '_'); }
    }
}
