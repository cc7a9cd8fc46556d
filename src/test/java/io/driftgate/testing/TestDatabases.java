package io.driftgate.testing;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.providers.SharedPostgres;
import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.providers.ThrowawayDatabases;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Test access to the JVM's one PostgreSQL server: fresh databases, optionally pre-filled with SQL. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** An empty database, dropped on close. */
    public static ThrowawayDatabase fresh() {
        return SharedPostgres.databases().create();
    }

    /** A copy of a template built once from {@code sql} (per distinct key). */
    public static ThrowawayDatabase fromSql(String key, String sql) {
        return SharedPostgres.databases().fromTemplate(key, db -> execute(db, sql));
    }

    public static ThrowawayDatabases databases() {
        return SharedPostgres.databases();
    }

    /**
     * The password of {@code db}: every server the tests use asks for one over the network (the embedded
     * one with scram-sha-256, containers likewise), so a caller that leaves it out fails here first.
     */
    public static String password(ConnectionSettings db) {
        return db.password().orElseThrow(() -> new IllegalStateException(
                "the test server's settings carry no password: " + db + " (DRIFTGATE_PG_URL=postgres://user:password@…)"));
    }

    /** {@code --url … --user … --password …} for running a command on {@code db}. */
    public static List<String> connectionArgs(ConnectionSettings db) {
        List<String> args = new ArrayList<>(List.of("--url", db.jdbcUrl(), "--user", db.user()));
        db.password().ifPresent(p -> args.addAll(List.of("--password", p)));
        return args;
    }

    /** Runs a script (several statements) on a database. */
    public static void execute(ConnectionSettings db, String sql) throws SQLException {
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
