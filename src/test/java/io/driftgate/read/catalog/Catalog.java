package io.driftgate.read.catalog;

import io.driftgate.model.SchemaModel;
import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.testing.TestDatabases;

import java.sql.Connection;
import java.util.List;

/** Test helper: run DDL in a fresh database and read it back. */
final class Catalog {

    private Catalog() {
    }

    static SchemaModel afterDdl(String ddl, String... schemas) throws Exception {
        try (ThrowawayDatabase db = TestDatabases.fresh()) {
            TestDatabases.execute(db.settings(), ddl);
            try (Connection c = db.settings().open()) {
                return new CatalogReader().read(c, List.of(schemas.length == 0 ? new String[] {"public"} : schemas));
            }
        }
    }
}
