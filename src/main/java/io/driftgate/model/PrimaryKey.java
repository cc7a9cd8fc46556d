package io.driftgate.model;

import java.util.List;

/** Primary key. The name is informational: generated names differ between sources, so keys match on columns. */
public record PrimaryKey(String name, List<String> columns) {
    public PrimaryKey {
        columns = List.copyOf(columns);
    }
}
