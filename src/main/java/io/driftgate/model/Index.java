package io.driftgate.model;

import java.util.List;
import java.util.Optional;

/**
 * An index that does not back a constraint. {@code keys} are column names or, for expression indexes,
 * the expression text; {@code include} are INCLUDE columns; {@code predicate} is the WHERE of a partial index.
 */
public record Index(
        String name,
        boolean unique,
        String method,
        List<String> keys,
        List<String> include,
        Optional<String> predicate) {

    public Index {
        keys = List.copyOf(keys);
        include = List.copyOf(include);
    }

    public static Index on(String name, boolean unique, List<String> keys) {
        return new Index(name, unique, "btree", keys, List.of(), Optional.empty());
    }

    /** Same definition, whatever the name. */
    public boolean sameDefinitionAs(Index other) {
        return unique == other.unique && method.equals(other.method) && keys.equals(other.keys)
                && include.equals(other.include) && predicate.equals(other.predicate);
    }
}
