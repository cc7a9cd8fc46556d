package io.driftgate.read.catalog;

import io.driftgate.failure.DriftgateException;
import io.driftgate.failure.Failure;
import io.driftgate.model.QualifiedName;
import io.driftgate.model.SchemaModel;
import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the reader treats the connection it is given. */
class CatalogReaderTransactionTest {

    @Test
    void restoresAutoCommitIsolationAndReadOnly() throws Exception {
        try (ThrowawayDatabase db = TestDatabases.fresh(); Connection c = db.settings().open()) {
            TestDatabases.execute(db.settings(), "CREATE TABLE t (x int)");
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            new CatalogReader().read(c, List.of("public"));
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
            assertThat(c.isReadOnly()).isFalse();
            assertThat(searchPath(c)).isEqualTo("\"$user\", public");
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO t VALUES (1)"); // writable again
            }
        }
    }

    @Test
    void readsInsideTheCallersTransactionAndLeavesItUsable() throws Exception {
        try (ThrowawayDatabase db = TestDatabases.fresh(); Connection c = db.settings().open()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE uncommitted (x int)");
            }
            SchemaModel model = new CatalogReader().read(c, List.of("public"));
            assertThat(model.table(QualifiedName.of("public", "uncommitted"))).isPresent();
            assertThat(searchPath(c)).isEqualTo("\"$user\", public");
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO uncommitted VALUES (1)");
            }
            c.commit();
            assertThat(c.getAutoCommit()).isFalse();
        }
    }

    @Test
    void aFailedCatalogQueryIsADatabaseFailureNamingWhatWasRead() throws Exception {
        String role = "dg_reader_" + Long.toHexString(System.nanoTime());
        try (ThrowawayDatabase db = TestDatabases.fresh()) {
            // pg_sequence is per database, so revoking it here touches nothing else on the server
            TestDatabases.execute(db.settings(), "CREATE ROLE " + role + " LOGIN PASSWORD 'reader-secret';"
                    + "REVOKE SELECT ON pg_catalog.pg_sequence FROM PUBLIC");
            try (Connection c = new io.driftgate.db.ConnectionSettings(db.settings().jdbcUrl(), role,
                    java.util.Optional.of("reader-secret")).open()) {
                assertThatThrownBy(() -> new CatalogReader().read(c, List.of("public")))
                        .isInstanceOfSatisfying(DriftgateException.class,
                                e -> assertThat(e.failure()).isEqualTo(Failure.DATABASE))
                        .hasMessageStartingWith("Reading sequences from the PostgreSQL catalog failed")
                        .hasMessageContaining("permission denied");
                assertThat(c.getAutoCommit()).as("settings restored after a failure").isTrue();
                assertThat(c.isReadOnly()).isFalse();
            }
        } finally {
            TestDatabases.execute(io.driftgate.providers.SharedPostgres.server().admin(), "DROP ROLE IF EXISTS " + role);
        }
    }

    @Test
    void emptySchemaReadsAsEmptyModel() throws Exception {
        SchemaModel model = Catalog.afterDdl("CREATE SCHEMA empty_one;", "empty_one");
        assertThat(model).isEqualTo(SchemaModel.empty(List.of("empty_one")));
    }

    private static String searchPath(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW search_path")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
