package io.driftgate.testing;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.providers.SharedPostgres;
import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.providers.ThrowawayDatabases;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

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

    /** Runs a script (several statements) on a database. */
    public static void execute(ConnectionSettings db, String sql) throws SQLException {
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
