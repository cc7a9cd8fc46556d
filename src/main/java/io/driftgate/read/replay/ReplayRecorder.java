package io.driftgate.read.replay;

import io.driftgate.model.QualifiedName;
import io.driftgate.model.SchemaModel;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Flyway callback that reads the schema after each migration on the migration's own connection. For a
 * transactional migration {@code afterEachMigrate} runs inside its transaction, so the read sees exactly
 * what the migration did; one Flyway run keeps Flyway's ordering (repeatables last) intact.
 */
final class ReplayRecorder implements Callback {

    /** Carries a failed schema read through Flyway, which only lets unchecked exceptions pass. */
    static final class ReadFailure extends RuntimeException {
        ReadFailure(String message, SQLException cause) {
            super(message, cause);
        }
    }

    private final SchemaReader reader;
    private final List<String> schemas;
    private final QualifiedName historyTable;
    private final List<ReplayStep> steps = new ArrayList<>();
    private Optional<SchemaModel> initial = Optional.empty();
    private final List<String> statements = new ArrayList<>();
    private boolean transactional;

    ReplayRecorder(SchemaReader reader, List<String> schemas, QualifiedName historyTable) {
        this.reader = reader;
        this.schemas = List.copyOf(schemas);
        this.historyTable = historyTable;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE || event == Event.BEFORE_EACH_MIGRATE_STATEMENT || event == Event.AFTER_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        if (event == Event.BEFORE_EACH_MIGRATE) {
            io.driftgate.failure.Activity.now("replaying " + context.getMigrationInfo().getScript() + " in the shadow database");
            if (initial.isEmpty()) {
                initial = Optional.of(read(context, "before the first migration"));
            }
            statements.clear();
            transactional = inTransaction(context);
            return;
        }
        if (event == Event.BEFORE_EACH_MIGRATE_STATEMENT) {
            // the statement as Flyway split it, placeholders replaced: what --rerun runs and the data check reads
            statements.add(context.getStatement().getSql());
            return;
        }
        ReplayedMigration migration = ReplayedMigration.of(context.getMigrationInfo());
        steps.add(new ReplayStep(migration, read(context, "after " + migration.label()), statements, transactional,
                ScriptText.of(context.getMigrationInfo(), context.getConfiguration())));
        statements.clear();
    }

    @Override
    public String getCallbackName() {
        return "driftgate-replay-recorder";
    }

    List<ReplayStep> steps() {
        return List.copyOf(steps);
    }

    Optional<SchemaModel> initial() {
        return initial;
    }

    /** The schema without Flyway's own history table, which is not part of what the migrations build. */
    SchemaModel withoutHistory(SchemaModel model) {
        return new SchemaModel(model.schemas(),
                model.tables().stream().filter(t -> !t.name().equals(historyTable)).toList(),
                model.enumTypes(), model.sequences());
    }

    /** Flyway opened a transaction for the migration (auto-commit off) unless it cannot run in one. */
    private static boolean inTransaction(Context context) {
        try {
            return !context.getConnection().getAutoCommit();
        } catch (SQLException e) {
            throw new ReadFailure("Reading the shadow connection's transaction state failed: " + e.getMessage(), e);
        }
    }

    private SchemaModel read(Context context, String when) {
        try {
            return withoutHistory(reader.read(context.getConnection(), schemas));
        } catch (SQLException e) {
            throw new ReadFailure("Reading the shadow's schema " + when + " failed: " + e.getMessage(), e);
        }
    }
}
