package io.driftgate.scenarios;

import io.driftgate.model.SchemaModel;
import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.providers.ThrowawayDatabases;
import io.driftgate.read.catalog.CatalogReader;

import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schema plain Flyway builds from an empty database, once per migrations folder and schemas: the
 * independent reference a converged database must equal (driftgate's own replay is what is under test).
 */
final class References {

    private final ThrowawayDatabases databases;
    private final Map<String, CompletableFuture<SchemaModel>> built = new ConcurrentHashMap<>();

    References(ThrowawayDatabases databases) {
        this.databases = databases;
    }

    SchemaModel of(Scenario s) {
        String key = String.join(",", s.locations()) + "|" + String.join(",", s.schemas());
        CompletableFuture<SchemaModel> mine = new CompletableFuture<>();
        CompletableFuture<SchemaModel> existing = built.putIfAbsent(key, mine);
        if (existing != null) {
            return existing.join();
        }
        try (ThrowawayDatabase db = databases.create()) {
            StartingState.flyway(db.settings(), s).load().migrate();
            try (Connection c = db.settings().open()) {
                mine.complete(new CatalogReader().read(c, s.schemas()));
            }
        } catch (Exception e) {
            mine.completeExceptionally(new IllegalStateException("plain Flyway could not migrate an empty database with "
                    + String.join(", ", s.locations()) + ": " + e.getMessage(), e));
        }
        return mine.join();
    }
}
