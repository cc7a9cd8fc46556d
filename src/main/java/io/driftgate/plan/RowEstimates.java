package io.driftgate.plan;

import io.driftgate.model.QualifiedName;

import java.util.Map;

/**
 * What the planner knows of table sizes ({@code pg_class.reltuples}), so that a scan or index build of
 * a large table is flagged {@link Hazard#LONG_LOCK} while the same step on a small table is not.
 */
public record RowEstimates(Map<QualifiedName, Long> rows) {

    /** Above this many rows, a step that scans or indexes the table under a write-blocking lock is a LONG_LOCK. */
    public static final long LARGE_TABLE_ROWS = 1_000_000;

    public RowEstimates {
        rows = Map.copyOf(rows);
    }

    public static RowEstimates unknown() {
        return new RowEstimates(Map.of());
    }

    public boolean isLarge(QualifiedName table) {
        return rows.getOrDefault(table, 0L) > LARGE_TABLE_ROWS;
    }
}
