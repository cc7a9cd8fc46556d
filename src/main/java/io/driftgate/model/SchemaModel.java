package io.driftgate.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The schema of one or more PostgreSQL schemas (namespaces) at one moment, from whichever source:
 * the live catalog, a migration replay or the entity mapping. Immutable and sorted, so that two
 * readings of the same schema are {@code equals}.
 */
public record SchemaModel(
        List<String> schemas,
        List<Table> tables,
        List<EnumType> enumTypes,
        List<Sequence> sequences) {

    public SchemaModel {
        schemas = schemas.stream().sorted().distinct().toList();
        tables = tables.stream().sorted(Comparator.comparing(Table::name)).toList();
        enumTypes = enumTypes.stream().sorted(Comparator.comparing(EnumType::name)).toList();
        sequences = sequences.stream().sorted(Comparator.comparing(Sequence::name)).toList();
    }

    public static SchemaModel empty(List<String> schemas) {
        return new SchemaModel(schemas, List.of(), List.of(), List.of());
    }

    public Optional<Table> table(QualifiedName name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<EnumType> enumType(QualifiedName name) {
        return enumTypes.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public Optional<Sequence> sequence(QualifiedName name) {
        return sequences.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public boolean isEmpty() {
        return tables.isEmpty() && enumTypes.isEmpty() && sequences.isEmpty();
    }
}
