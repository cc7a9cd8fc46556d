package io.driftgate;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.db.DatabaseUrl;
import io.driftgate.failure.DriftgateException;
import io.driftgate.history.MigrateOptions;
import io.driftgate.history.MigrateResult;
import io.driftgate.history.RecoveringMigrate;
import io.driftgate.read.replay.FlywaySettings;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
     * application's whole Flyway configuration (placeholders, encoding, callbacks, defaultSchema, table,
     * baseline settings, outOfOrder, ignoreMigrationPatterns, Java migrations and their class loader): the
     * replay and the target-side Flyway start from a copy of it and override only the data source.
     *
     * @throws DriftgateException when it is refused (a human must decide; nothing changed) or fails (the message says what stays committed)
     */
    public static MigrateResult migrate(String url, String user, String password, Flyway flyway) {
        FlywaySettings settings = FlywaySettings.of(flyway.getConfiguration());
        List<String> schemas = !settings.schemas().isEmpty() ? settings.schemas()
                : List.of(settings.defaultSchema().orElse("public"));
        MigrateOptions options = MigrateOptions.of(settings.locations(), schemas).withFlyway(settings);
        options = options.withRepair(options.repair().withHistoryTable(settings.table()));
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
