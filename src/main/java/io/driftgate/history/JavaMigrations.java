package io.driftgate.history;

import io.driftgate.failure.DriftgateException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Java migrations are replayed only when their classes are on the class loader Flyway uses (the
 * application's, or driftgate's plus {@code --classpath}). One the database's history records but Flyway
 * cannot find would be missing from the replay, so the expected schema would lack its effects: stop.
 */
final class JavaMigrations {

    private JavaMigrations() {
    }

    static void requireResolvable(Flyway flyway) {
        List<MigrationInfo> missing;
        try {
            missing = Arrays.stream(flyway.info().all())
                    .filter(i -> i.getState() != null && i.getState().name().startsWith("MISSING"))
                    .filter(i -> i.getType() != null && i.getType().name().toUpperCase(Locale.ROOT).contains("JDBC"))
                    .toList();
        } catch (FlywayException e) {
            return; // Flyway migrate reports what it cannot read, with its own words
        }
        if (!missing.isEmpty()) {
            String names = String.join(", ", missing.stream().map(i -> (i.getVersion() == null ? "R" : "V" + i.getVersion())
                    + " (" + i.getScript() + ")").toList());
            throw DriftgateException.badInput("The database's Flyway history records the Java migration(s) " + names
                    + ", but their classes are not on the classpath, so driftgate cannot replay them and would expect a schema "
                    + "without their effects. Give the application's classes folder or jar with --classpath (with the libraries "
                    + "they use), or call io.driftgate.Driftgate.migrate with the application's own Flyway. Nothing was changed.");
        }
    }
}
