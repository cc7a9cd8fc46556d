package io.driftgate.read.replay;

import io.driftgate.failure.DriftgateException;
import io.driftgate.failure.Failure;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

import java.sql.SQLException;
import java.util.Optional;

/** Turns what Flyway throws during a replay into a sentence a person can act on. */
final class ReplayFailures {

    private ReplayFailures() {
    }

    static DriftgateException translate(FlywayException e, String shadowDescription) {
        Optional<ReplayRecorder.ReadFailure> readFailure = find(e, ReplayRecorder.ReadFailure.class);
        if (readFailure.isPresent()) {
            return DriftgateException.database(readFailure.get().getMessage() + " (shadow: " + shadowDescription + ")", e);
        }
        Optional<FlywayMigrateException> migrate = find(e, FlywayMigrateException.class);
        Optional<FlywaySqlScriptException> script = find(e, FlywaySqlScriptException.class);
        Optional<String> placeholder = missingPlaceholder(e);
        if (placeholder.isPresent()) {
            String name = placeholder.get();
            String where = migrate.map(m -> m.getMigration() == null ? null : m.getMigration().getScript()).map(s -> s + " uses")
                    .orElse("A migration uses");
            return new DriftgateException(Failure.BAD_INPUT, where + " the Flyway placeholder ${" + name + "}, which has no value. Give it "
                    + "with --placeholder " + name + "=VALUE, flyway.placeholders." + name + "=VALUE in flyway.conf, or the "
                    + "environment variable FLYWAY_PLACEHOLDERS_" + name.toUpperCase(java.util.Locale.ROOT)
                    + " (as the application's deploy does), then rerun.", e);
        }
        if (migrate.isPresent() || script.isPresent()) {
            return migrationFailed(e, migrate, script);
        }
        return DriftgateException.badInput("Flyway could not replay the migrations: " + allLines(e.getMessage()));
    }

    private static DriftgateException migrationFailed(FlywayException e, Optional<FlywayMigrateException> migrate,
                                                      Optional<FlywaySqlScriptException> script) {
        String name = migrate.map(m -> m.getMigration() == null ? null : m.getMigration().getScript())
                .or(() -> script.map(s -> s.getResource() == null ? null : s.getResource().getFilename()))
                .orElse("a migration");
        int line = script.map(FlywaySqlScriptException::getLineNumber)
                .or(() -> migrate.map(FlywayMigrateException::getLineNumber)).orElse(-1);
        Optional<SQLException> sql = find(e, SQLException.class);
        String sqlState = sql.map(SQLException::getSQLState)
                .or(() -> migrate.map(FlywayMigrateException::getSqlState)).orElse("unknown");
        String reason = sql.map(s -> firstLine(s.getMessage())).orElse(firstLine(e.getMessage()))
                .replaceFirst("^ERROR:\\s*", "");
        String statement = script.map(FlywaySqlScriptException::getStatement).map(ReplayFailures::firstLine)
                .map(s -> "; statement: " + s).orElse("");
        return new DriftgateException(Failure.BAD_INPUT, "Migration " + name + " failed in the shadow database"
                + (line > 0 ? " at line " + line : "") + " (SQLSTATE " + sqlState + ": " + reason + statement
                + "): this migration fails on an empty database, so it cannot be replayed.", e);
    }

    private static final java.util.regex.Pattern NO_VALUE =
            java.util.regex.Pattern.compile("No value provided for placeholder:?\\s*\\$\\{([^}]+)}");

    /** The name of a placeholder Flyway found no value for, anywhere in the chain. */
    private static Optional<String> missingPlaceholder(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            java.util.regex.Matcher m = NO_VALUE.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    private static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    /** Flyway lists what it found on the lines after the first (e.g. each misnamed file): keep them, on one line. */
    private static String allLines(String text) {
        String joined = text == null ? "" : String.join(" ", text.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        return joined.length() > 2000 ? joined.substring(0, 2000) + " …" : joined;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end).strip();
    }
}
