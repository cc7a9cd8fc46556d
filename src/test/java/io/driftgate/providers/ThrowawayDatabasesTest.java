package io.driftgate.providers;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs on whichever provider the environment selects (embedded here, Docker in GitHub Actions, external in .ci/run's second pass). */
class ThrowawayDatabasesTest {

    @Test
    void aFreshDatabaseIsEmptyAndGoneAfterClose() throws Exception {
        String name;
        try (ThrowawayDatabase db = TestDatabases.fresh()) {
            name = db.name();
            assertThat(scalar(db.settings(), "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public'"))
                    .isEqualTo("0");
        }
        assertThat(databaseExists(name)).isFalse();
    }

    @Test
    void clonesOfATemplateStartEqualAndStayIndependent() throws Exception {
        String key = "clones-" + System.nanoTime();
        try (ThrowawayDatabase a = TestDatabases.fromSql(key, "create table candidate(id int primary key); insert into candidate values (1), (2);");
             ThrowawayDatabase b = TestDatabases.fromSql(key, "this SQL must not run again: the template is built once")) {
            assertThat(scalar(a.settings(), "select count(*) from candidate")).isEqualTo("2");
            TestDatabases.execute(a.settings(), "insert into candidate values (3)");
            assertThat(scalar(a.settings(), "select count(*) from candidate")).isEqualTo("3");
            assertThat(scalar(b.settings(), "select count(*) from candidate")).isEqualTo("2");
        }
    }

    @Test
    void manyClonesAtOnceFromOneTemplate() throws Exception {
        String key = "parallel-" + System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> {
                    try (ThrowawayDatabase db = TestDatabases.fromSql(key, "create table t(x int); insert into t values (42);")) {
                        return scalar(db.settings(), "select x from t");
                    }
                }));
            }
            for (Future<String> f : results) {
                assertThat(f.get()).isEqualTo("42");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTemplateThatFailsToBuildNamesItsKeyAndLeavesNothingBehind() {
        String key = "broken-" + System.nanoTime();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestDatabases.fromSql(key, "create tabel oops()"))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining(key);
    }

    private static boolean databaseExists(String name) throws SQLException {
        ConnectionSettings admin = SharedPostgres.server().admin();
        try (Connection c = admin.open(); var ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String scalar(ConnectionSettings db, String sql) throws SQLException {
        try (Connection c = db.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
