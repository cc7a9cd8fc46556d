package io.driftgate.read.replay;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.failure.DriftgateException;
import io.driftgate.model.QualifiedName;
import io.driftgate.model.SchemaModel;
import io.driftgate.read.catalog.CatalogReader;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.baseline.BaselineMigrationConfigurationExtension;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The expected schema by migration replay: applies the Flyway migrations to an empty shadow database with
 * real Flyway and keeps the schema after each one. A temporary shadow is dropped afterwards, also on failure;
 * a given one ({@code --shadow-url}) is never cleaned (no Flyway clean anywhere in driftgate).
 */
public final class MigrationReplay {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationReplay.class);
    static final String HISTORY_TABLE = "flyway_schema_history";
    /** Flyway info against the probe must see no history, only what the locations resolve to. */
    private static final String PROBE_HISTORY_TABLE = "driftgate_replay_probe_no_such_history";
    /** A baseline-migration prefix no file name starts with (a control character). */
    private static final String NO_BASELINE = "\u0001driftgate-no-baseline-";
    /*
     * The transactional advisory lock holds a transaction open for the whole run, and CREATE INDEX
     * CONCURRENTLY waits for every open transaction: with it, such a migration hangs (flyway#3497).
     * Same as flyway.postgresql.transactional.lock=false; set through the typed extension because Flyway 13
     * configures plugin settings given as a Map through Jackson 3, which driftgate does not ship.
     */

    private final ShadowSource source;
    private final SchemaReader reader;
    private final Optional<ReplayCache> cache;
    private final AtomicInteger shadowsOpened = new AtomicInteger();

    /** Reads each version's schema with the {@link CatalogReader}. */
    public MigrationReplay(ShadowSource source, Optional<ReplayCache> cache) {
        this(source, new CatalogReader(HISTORY_TABLE)::read, cache);
    }

    public MigrationReplay(ShadowSource source, SchemaReader reader, Optional<ReplayCache> cache) {
        this.source = Objects.requireNonNull(source, "source");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    /** How many shadows this instance has opened (a cache hit opens none). */
    public int shadowsOpened() {
        return shadowsOpened.get();
    }

    /**
     * Replays the migrations at {@code locations} (Flyway syntax; a bare path means {@code filesystem:})
     * for {@code schemas} (the first holds Flyway's history, as in Flyway) and returns the schema after each.
     */
    public ReplayResult replay(List<String> locations, List<String> schemas) {
        return replay(locations, schemas, FlywaySettings.defaults());
    }

    /**
     * As above, with the application's Flyway configuration (placeholders, encoding, callbacks, defaultSchema,
     * Java migrations and their class loader …); driftgate overrides only the data source, locations, schemas
     * and the shadow's history table.
     */
    public ReplayResult replay(List<String> locations, List<String> schemas, FlywaySettings settings) {
        List<String> checkedLocations = ReplayLocations.checked(locations, settings.classLoader());
        List<String> checkedSchemas = checkedSchemas(schemas);
        int serverMajor = ShadowSource.serverMajorVersion(source.probe());
        Flyway probe = probe(settings, checkedLocations, checkedSchemas);
        List<MigrationInfo> infos = resolvedInfos(probe);
        if (source.onTargetServer()) {
            // before anything runs, also before a cache hit: the same migrations always get the same answer
            ClusterWideStatements.refuseAny(infos, probe.getConfiguration(), source.probe().toString());
        }
        List<ReplayedMigration> resolved = infos.stream().map(ReplayedMigration::of).toList();
        if (resolved.isEmpty()) {
            // a gate that replays nothing would compare nothing and pass
            throw DriftgateException.badInput("No migrations found at " + String.join(", ", checkedLocations)
                    + ", so nothing would be checked. Point --locations at the folder holding V1__….sql files "
                    + "(a bare path means filesystem:; classpath: reads driftgate's classpath and what --classpath adds).");
        }
        Optional<String> key = cache.flatMap(c -> ReplayCache.key(resolved, checkedSchemas, serverMajor, settings.fingerprint()));
        if (key.isPresent()) {
            Optional<ReplayResult> hit = cache.get().load(key.get());
            if (hit.isPresent()) {
                LOG.info("Migration replay: {} migrations unchanged, schemas taken from the cache in {}",
                        resolved.size(), cache.get().directory());
                return hit.get();
            }
        }
        ReplayResult result = replayInShadow(settings, checkedLocations, checkedSchemas);
        key.ifPresent(k -> cache.get().store(k, result));
        return result;
    }

    /**
     * What Flyway resolves at {@code locations}, in order (versioned, then repeatable), without a shadow:
     * the version, description, script, checksum and type a later step records migrations as applied with.
     */
    public List<ReplayedMigration> resolve(List<String> locations, List<String> schemas) {
        return resolve(locations, schemas, FlywaySettings.defaults());
    }

    public List<ReplayedMigration> resolve(List<String> locations, List<String> schemas, FlywaySettings settings) {
        List<String> checked = ReplayLocations.checked(locations, settings.classLoader());
        return resolvedInfos(probe(settings, checked, checkedSchemas(schemas))).stream().map(ReplayedMigration::of).toList();
    }

    private Flyway probe(FlywaySettings settings, List<String> locations, List<String> schemas) {
        return configure(settings, source.probe(), locations, schemas)
                .table(PROBE_HISTORY_TABLE)
                .load();
    }

    private List<MigrationInfo> resolvedInfos(Flyway flyway) {
        try {
            MigrationInfo[] all = flyway.info().all();
            // with no history every resolved migration is pending; repeatables sort after versioned ones. Baseline
            // migrations (B2__…) are left out: the replay goes through the versioned chain (see withoutBaselines)
            return Arrays.stream(all).filter(i -> i.getType() != null && !i.getType().isSynthetic() && !i.getType().isBaseline())
                    .toList();
        } catch (FlywayException e) {
            throw ReplayFailures.translate(e, source.description());
        }
    }

    private ReplayResult replayInShadow(FlywaySettings settings, List<String> locations, List<String> schemas) {
        Shadow shadow = source.open();
        shadowsOpened.incrementAndGet();
        LOG.info("Migration replay shadow: {}", shadow.description());
        ReplayRecorder recorder = new ReplayRecorder(reader, schemas, QualifiedName.of(settings.historySchema(schemas), HISTORY_TABLE));
        Flyway flyway = withoutBaselines(configure(settings, shadow.settings(), locations, schemas))
                .table(HISTORY_TABLE)
                .createSchemas(true)
                .cleanDisabled(true) // driftgate never runs Flyway's clean: it drops only databases it created
                // the application's callbacks (and SQL callbacks in its locations) run as they do in a deploy, except on the
                // target's server: callbacks (afterMigrate.sql, Java ones) are not scanned for server-wide statements
                .skipDefaultCallbacks(source.onTargetServer())
                .callbacks(source.onTargetServer() ? new org.flywaydb.core.api.callback.Callback[] {recorder}
                        : settings.callbacksAnd(recorder))
                .load();
        try {
            flyway.migrate();
            List<ReplayStep> steps = recorder.steps();
            // with no migration at all there was no "before the first one": read the (empty) shadow now
            return new ReplayResult(schemas, recorder.initial().orElseGet(() -> readNow(shadow, recorder, schemas)),
                    steps, false);
        } catch (FlywayException e) {
            throw ReplayFailures.translate(e, shadow.description());
        } finally {
            shadow.close();
            if (shadow.isGiven()) {
                // cleaning would drop whatever else is in there too: driftgate cannot prove all of it is its own
                LOG.warn("The shadow database {} now holds what the replay created; driftgate never empties a database "
                        + "it did not create. Drop and recreate it (CREATE DATABASE … TEMPLATE template0) before the "
                        + "next run that replays in it.", shadow.settings());
            }
        }
    }

    /**
     * Flyway applies a baseline migration (B2__…) only to a database without history, and then none of the
     * versioned ones up to it: every shadow would get the baseline alone, while every database with history
     * went through the versioned chain, and Flyway ignores baselines there. So the shadow replays the
     * versioned chain: the baseline prefix is set to one no file has, and naming is not validated again (the
     * probe in resolvedInfos already validated it with the application's prefixes).
     */
    static FluentConfiguration withoutBaselines(FluentConfiguration configuration) {
        configuration.getConfigurationExtension(BaselineMigrationConfigurationExtension.class).setBaselineMigrationPrefix(NO_BASELINE);
        return configuration.validateMigrationNaming(false);
    }

    public static FluentConfiguration withoutTransactionalLock(FluentConfiguration configuration) {
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        return configuration;
    }

    private static FluentConfiguration configure(FlywaySettings settings, ConnectionSettings db, List<String> locations,
                                                 List<String> schemas) {
        return withoutTransactionalLock(settings.configure())
                .dataSource(new io.driftgate.db.SettingsDataSource(db)) // the same connect/login/socket timeouts as ours
                .locations(locations.toArray(String[]::new))
                .schemas(schemas.toArray(String[]::new))
                .failOnMissingLocations(true)
                // the replay exists to run the migrations: an application's skipExecutingMigrations must not empty it
                .skipExecutingMigrations(false)
                // a misnamed script (v6_x.sql, V6_x.sql) is an error, not a silently skipped migration
                .validateMigrationNaming(true);
    }

    private SchemaModel readNow(Shadow shadow, ReplayRecorder recorder, List<String> schemas) {
        try (Connection c = shadow.settings().open()) {
            return recorder.withoutHistory(reader.read(c, schemas));
        } catch (SQLException e) {
            throw DriftgateException.database("Reading the shadow " + shadow.description() + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static List<String> checkedSchemas(List<String> schemas) {
        if (schemas.isEmpty() || schemas.stream().anyMatch(String::isBlank)) {
            throw DriftgateException.badInput("Give at least one schema name with --schemas (default public).");
        }
        return List.copyOf(schemas);
    }
}
