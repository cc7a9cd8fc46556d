package io.driftgate.scenarios;

import io.driftgate.apply.RepairSettings;
import io.driftgate.db.ConnectionSettings;
import io.driftgate.diff.Drift;
import io.driftgate.diff.SchemaDiffer;
import io.driftgate.history.FlywayHistoryTable;
import io.driftgate.history.HistoryRow;
import io.driftgate.model.SchemaModel;
import io.driftgate.read.catalog.CatalogReader;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a run could change, taken at one moment: the schema, a fingerprint of every row, and
 * Flyway's history (what the catalog reader leaves out). Equal states mean nothing was changed.
 */
public record DatabaseState(SchemaModel schema, RowChecksums rows, List<String> history) {

    private static final CatalogReader READER = new CatalogReader();

    public DatabaseState {
        history = List.copyOf(history);
    }

    public static DatabaseState take(ConnectionSettings db, List<String> schemas) throws SQLException {
        try (Connection c = db.open()) {
            SchemaModel schema = READER.read(c, schemas);
            return new DatabaseState(schema, RowChecksums.take(c, schema), history(c, schemas.get(0)));
        }
    }

    /** Flyway's history rows as {@code rank:version:checksum:success}; empty when there is no history table. */
    static List<String> history(Connection c, String schema) throws SQLException {
        List<String> rows = new ArrayList<>();
        for (HistoryRow r : new FlywayHistoryTable(schema, RepairSettings.FLYWAY_HISTORY_TABLE).rows(c)) {
            rows.add(r.installedRank() + ":" + r.version().orElse("R") + ":" + r.checksum().map(String::valueOf).orElse("-")
                    + ":" + (r.success() ? "ok" : "failed"));
        }
        return rows;
    }

    /** What differs from {@code before}, for a message; empty when nothing does. */
    public List<String> changesSince(DatabaseState before) {
        List<String> changes = new ArrayList<>();
        if (!schema.equals(before.schema)) {
            changes.add("the schema changed: " + SchemaDiffer.diff(before.schema, schema).stream()
                    .map(Drift::describe).toList());
        }
        try {
            rows.differencesFrom(before.rows).forEach(d -> changes.add("rows changed: " + d));
        } catch (RuntimeException e) {
            changes.add("rows could not be compared: " + e.getMessage());
        }
        if (!history.equals(before.history)) {
            changes.add("Flyway's history changed: " + before.history + " → " + history);
        }
        return changes;
    }
}
