package io.driftgate.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A table with what hangs off it. Columns keep their ordinal order; everything else is sorted by name. */
public record Table(
        QualifiedName name,
        List<Column> columns,
        Optional<PrimaryKey> primaryKey,
        List<UniqueConstraint> uniqueConstraints,
        List<ForeignKey> foreignKeys,
        List<CheckConstraint> checks,
        List<Index> indexes) {

    public Table {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(primaryKey, "primaryKey");
        uniqueConstraints = sorted(uniqueConstraints, UniqueConstraint::name);
        foreignKeys = sorted(foreignKeys, ForeignKey::name);
        checks = sorted(checks, CheckConstraint::name);
        indexes = sorted(indexes, Index::name);
    }

    /** A table with only columns. */
    public static Table of(QualifiedName name, List<Column> columns) {
        return new Table(name, columns, Optional.empty(), List.of(), List.of(), List.of(), List.of());
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Table withColumns(List<Column> value) {
        return new Table(name, value, primaryKey, uniqueConstraints, foreignKeys, checks, indexes);
    }

    public Table withPrimaryKey(PrimaryKey value) {
        return new Table(name, columns, Optional.of(value), uniqueConstraints, foreignKeys, checks, indexes);
    }

    public Table withUniqueConstraints(List<UniqueConstraint> value) {
        return new Table(name, columns, primaryKey, value, foreignKeys, checks, indexes);
    }

    public Table withForeignKeys(List<ForeignKey> value) {
        return new Table(name, columns, primaryKey, uniqueConstraints, value, checks, indexes);
    }

    public Table withChecks(List<CheckConstraint> value) {
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, value, indexes);
    }

    public Table withIndexes(List<Index> value) {
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checks, value);
    }

    private static <T> List<T> sorted(List<T> items, java.util.function.Function<T, String> key) {
        return items.stream().sorted(Comparator.comparing(key)).toList();
    }
}
