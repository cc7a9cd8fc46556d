package io.driftgate.history;

import io.driftgate.model.SchemaModel;
import io.driftgate.read.replay.ReplayedMigration;

import java.util.List;

/**
 * A versioned migration with the schema before and after it, as the migration replay built them, its
 * script text, the statements Flyway executed for it (split and placeholder-replaced by Flyway) and
 * whether Flyway ran it in a transaction.
 */
public record MigrationChange(ReplayedMigration migration, SchemaModel before, SchemaModel after, String sql,
                              List<String> statements, boolean transactional) {

    public MigrationChange {
        statements = List.copyOf(statements);
    }

    /** Statements that may change data, judged from Flyway's own statements. */
    List<DataChangeDetector.DataStatement> dataStatements() {
        return DataChangeDetector.dataStatements(statements, sql);
    }

    /** {@code UPDATE at V6__x.sql:3}: where the first data statement is, for a message. */
    String whereData(DataChangeDetector.DataStatement first) {
        return first.where(migration.script(), statements.stream().map(String::strip).toList().indexOf(first.sql()) + 1);
    }
}
