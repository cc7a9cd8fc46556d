package io.driftgate.read.replay;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.pattern.ValidatePattern;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The application's Flyway configuration (placeholders, encoding, callbacks, defaultSchema, table, baseline
 * settings, outOfOrder, ignoreMigrationPatterns, Java migrations and the class loader that finds them), as
 * the application's own Flyway or Flyway's CLI configuration ({@code flyway.conf}, {@code FLYWAY_*}) gives
 * it. Both the replay and the target-side Flyway start from a copy of it and override only what driftgate
 * must decide (data source, locations, schemas, history table in the shadow, timeouts).
 */
public final class FlywaySettings {

    private final Configuration base;

    private FlywaySettings(Configuration base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    /** Flyway's defaults, with driftgate's class loader. */
    public static FlywaySettings defaults() {
        return new FlywaySettings(Flyway.configure(Thread.currentThread().getContextClassLoader()));
    }

    /** A copy of an application's configuration (later changes to it are not seen). */
    public static FlywaySettings of(Configuration application) {
        return new FlywaySettings(Flyway.configure(application.getClassLoader()).configuration(application));
    }

    /** A fresh, independent copy to configure one Flyway from: changing it never changes this. */
    public FluentConfiguration configure() {
        return Flyway.configure(base.getClassLoader()).configuration(base);
    }

    /** The class loader Flyway finds {@code classpath:} locations and Java migrations with. */
    public ClassLoader classLoader() {
        return base.getClassLoader();
    }

    public List<String> locations() {
        return Arrays.stream(base.getLocations()).map(Location::getDescriptor).toList();
    }

    public List<String> schemas() {
        return List.of(base.getSchemas());
    }

    public String table() {
        return base.getTable();
    }

    /** Flyway's {@code defaultSchema}, when set. */
    public Optional<String> defaultSchema() {
        return Optional.ofNullable(base.getDefaultSchema()).filter(s -> !s.isBlank());
    }

    /** Where Flyway keeps its history table, which also decides its lock key: defaultSchema, else the first schema. */
    public String historySchema(List<String> schemas) {
        return defaultSchema().orElse(schemas.isEmpty() ? "public" : schemas.get(0));
    }

    /** The application's callbacks followed by {@code more}, so adding driftgate's never drops the application's. */
    public Callback[] callbacksAnd(Callback... more) {
        Callback[] own = base.getCallbacks() == null ? new Callback[0] : base.getCallbacks();
        Callback[] all = Arrays.copyOf(own, own.length + more.length);
        System.arraycopy(more, 0, all, own.length, more.length);
        return all;
    }

    /**
     * Everything besides the scripts themselves that changes what a replay builds: the SQL Flyway runs
     * (placeholders, their syntax, encoding), what runs around it (callbacks), where and how (defaultSchema,
     * transactions, target, naming). Part of the replay cache key.
     */
    public String fingerprint() {
        StringBuilder text = new StringBuilder();
        line(text, "placeholders", new TreeMap<>(base.getPlaceholders()).toString());
        line(text, "placeholderReplacement", base.isPlaceholderReplacement());
        line(text, "placeholderSyntax", base.getPlaceholderPrefix() + " " + base.getPlaceholderSuffix() + " "
                + base.getPlaceholderSeparator() + " " + base.getScriptPlaceholderPrefix() + " " + base.getScriptPlaceholderSuffix());
        line(text, "encoding", base.getEncoding() + " detect=" + base.isDetectEncoding());
        line(text, "defaultSchema", base.getDefaultSchema());
        line(text, "naming", base.getSqlMigrationPrefix() + " " + base.getRepeatableSqlMigrationPrefix() + " "
                + base.getSqlMigrationSeparator() + " " + String.join(",", base.getSqlMigrationSuffixes()));
        line(text, "transactions", base.isExecuteInTransaction() + " mixed=" + base.isMixed() + " group=" + base.isGroup());
        line(text, "initSql", base.getInitSql());
        line(text, "target", base.getTarget());
        line(text, "callbacks", Arrays.stream(callbacksAnd()).map(c -> c.getClass().getName()).collect(Collectors.joining(",")));
        line(text, "callbackLocations", base.getCallbackLocations() == null ? "" : Arrays.stream(base.getCallbackLocations())
                .map(Location::getDescriptor).collect(Collectors.joining(",")));
        line(text, "skipDefaultCallbacks", base.isSkipDefaultCallbacks());
        line(text, "ignoreMigrationPatterns", base.getIgnoreMigrationPatterns() == null ? "" : Arrays.stream(base.getIgnoreMigrationPatterns())
                .map(ValidatePattern::toString).collect(Collectors.joining(",")));
        return text.toString();
    }

    private static void line(StringBuilder text, String name, Object value) {
        text.append(name).append('=').append(value).append('\n');
    }
}
