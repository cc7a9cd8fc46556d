package io.driftgate.history;

import io.driftgate.apply.RepairOutcome;
import io.driftgate.failure.DriftgateException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateErrorResult;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The exact account of a Flyway stage that failed after driftgate may already have committed: what is
 * committed (the repair, the history rows, the migrations Flyway applied before the failing one), what
 * was rolled back, the state the database is in now (read back from Flyway's history), and what to do.
 * A deploy that failed half-way must never be reported as "nothing changed".
 */
final class FlywayStageFailure {

    private FlywayStageFailure() {
    }

    /**
     * @param committedRepairs the reconciliations of this run whose repair was committed
     * @param flywayBefore     migrations Flyway applied in earlier rounds of this run
     */
    static DriftgateException of(FlywayException e, List<ReconcileResult> committedRepairs, int flywayBefore, Flyway flyway) {
        Optional<FlywayMigrateException> migrate = e instanceof FlywayMigrateException m ? Optional.of(m) : Optional.empty();
        List<String> lines = new ArrayList<>();
        String failing = migrate.map(FlywayMigrateException::getMigration).map(FlywayStageFailure::label).orElse("a migration");
        String where = migrate.filter(m -> m.getLineNumber() > 0).map(m -> ", line " + m.getLineNumber()).orElse("");
        String state = migrate.map(FlywayMigrateException::getSqlState).filter(s -> !s.isBlank()).map(s -> " (SQLSTATE " + s + ")").orElse("");
        lines.add("Flyway migrate failed on " + failing + where + state + ": " + firstLine(e.getMessage()));

        List<String> committed = new ArrayList<>();
        for (ReconcileResult r : committedRepairs) {
            if (r.repair() instanceof RepairOutcome.Applied applied) {
                if (!applied.executed().isEmpty()) {
                    committed.add("driftgate's repair (" + applied.executed().size() + " statement(s))");
                }
                r.reconciliation().ifPresent(rec -> rec.toRecord().forEach(s ->
                        committed.add("history row recording " + s.migration().label() + " as applied")));
                committed.addAll(r.housekeeping());
            }
        }
        List<String> flywayApplied = migrate.map(FlywayMigrateException::getErrorResult).map(MigrateErrorResult::getSuccessfulMigrations)
                .orElse(List.of()).stream().map(FlywayStageFailure::label).toList();
        flywayApplied.forEach(m -> committed.add(m + ", applied by Flyway in this run"));
        if (flywayBefore > 0) {
            committed.add(flywayBefore + " migration(s) Flyway applied in an earlier round of this run");
        }
        lines.add(committed.isEmpty() ? "Committed by this run: nothing."
                : "Committed by this run (stays in the database): " + String.join("; ", committed) + ".");

        boolean transactional = migrate.map(FlywayMigrateException::isExecutableInTransaction).orElse(true);
        if (migrate.map(FlywayMigrateException::getMigration).isEmpty()) {
            lines.add("Flyway stopped before running a migration of its own.");
        } else if (transactional) {
            lines.add("Rolled back: " + failing + " (it ran in its own transaction; Flyway recorded nothing for it).");
        } else {
            lines.add("Not rolled back: " + failing + " runs outside a transaction (e.g. CREATE INDEX CONCURRENTLY), so what it did "
                    + "before the failing statement stays (a failed CREATE INDEX CONCURRENTLY leaves an INVALID index, which the next "
                    + "driftgate migrate refuses to count), and Flyway recorded it as failed; the next driftgate migrate judges it "
                    + "from the schema.");
        }
        lines.add(currentState(flyway));
        lines.add("Next: fix " + failing + where + " (or the data it runs over) and rerun driftgate migrate; "
                + "what is committed is consistent and will be found in place.");
        return DriftgateException.database(String.join("\n", lines), e);
    }

    private static String currentState(Flyway flyway) {
        try {
            var info = flyway.info();
            String version = Optional.ofNullable(info.current()).map(c -> "version " + c.getVersion()
                            + (c.getState().isFailed() ? " (recorded as FAILED: Flyway will not go on until it is resolved)" : ""))
                    .orElse("no applied version");
            List<String> pending = Arrays.stream(info.pending()).map(FlywayStageFailure::label).toList();
            return "The database is now at " + version + " in Flyway's history"
                    + (pending.isEmpty() ? "." : "; still pending: " + String.join(", ", pending) + ".");
        } catch (FlywayException again) {
            return "The database's current version could not be read back (" + firstLine(again.getMessage())
                    + "); run flyway info to see it.";
        }
    }

    private static String label(MigrationInfo m) {
        return (m.getVersion() == null ? "R" : "V" + m.getVersion()) + " " + m.getDescription() + " (" + m.getScript() + ")";
    }

    private static String label(MigrateOutput m) {
        return (m.version == null || m.version.isBlank() ? "R" : "V" + m.version) + " " + m.description + " (" + m.filepath + ")";
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.strip().lines().findFirst().orElse("");
    }
}
