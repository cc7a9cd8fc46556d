package io.driftgate;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.db.DatabaseUrl;
import io.driftgate.failure.DriftgateException;
import io.driftgate.history.MigrateOptions;
import io.driftgate.history.MigrateResult;
import io.driftgate.history.RecoveringMigrate;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Java API for applications that migrate on start-up: call {@link #migrate(String, String, String, Flyway)}
 * where they would call {@code flyway.migrate()}, e.g. from a Spring Boot {@code FlywayMigrationStrategy} bean.
 * Same code path as {@code driftgate migrate}.
 */
public final class Driftgate {

    private static final Logger LOG = LoggerFactory.getLogger(Driftgate.class);

    private Driftgate() {
    }

    /**
     * Flyway migrate with recovery from drift, for the database at {@code url} (JDBC or libpq), with the
     * locations, schemas and history table the application's Flyway is configured with.
     *
     * @throws DriftgateException when it is refused (a human must decide; nothing changed) or fails (the message says what stays committed)
     */
    public static MigrateResult migrate(String url, String user, String password, Flyway flyway) {
        var config = flyway.getConfiguration();
        List<String> locations = Arrays.stream(config.getLocations()).map(Location::getDescriptor).toList();
        List<String> schemas = config.getSchemas().length == 0 ? List.of("public") : List.of(config.getSchemas());
        MigrateOptions options = MigrateOptions.of(locations, schemas);
        options = options.withRepair(options.repair().withHistoryTable(config.getTable()));
        return migrate(url, user, password, options);
    }

    /** As above, with explicit options. */
    public static MigrateResult migrate(String url, String user, String password, MigrateOptions options) {
        ConnectionSettings target = DatabaseUrl.parse(url, Optional.ofNullable(user), Optional.ofNullable(password), System.getenv());
        MigrateResult result = new RecoveringMigrate(System.getenv()).migrate(target, options, line -> LOG.info("{}", line));
        if (result.outcome() == MigrateResult.Outcome.REFUSED) {
            throw DriftgateException.refused("driftgate refused to migrate " + target + "; nothing was changed:\n  "
                    + String.join("\n  ", result.log()));
        }
        return result;
    }

}
