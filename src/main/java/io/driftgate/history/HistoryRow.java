package io.driftgate.history;

import java.util.Optional;

/** One row of Flyway's history table. {@code version} is empty for repeatable migrations. */
public record HistoryRow(
        int installedRank,
        Optional<String> version,
        String description,
        String type,
        String script,
        Optional<Integer> checksum,
        boolean success) {
}
