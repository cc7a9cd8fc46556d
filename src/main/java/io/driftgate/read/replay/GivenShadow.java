package io.driftgate.read.replay;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.failure.DriftgateException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A shadow database the user gave ({@code --shadow-url}). It must hold nothing a fresh database from
 * template0 does not (of any kind: relations, functions, types, domains, extensions, schemas, operators,
 * casts, event triggers, publications, foreign servers, large objects …), else it is refused. driftgate
 * never cleans it: what the replay created stays, and the user is told to recreate the database.
 *
 * @param onTargetServer whether it lives on the target's server (same host and port): then statements
 *                       that act on the whole server are refused before the replay, as with a temporary one
 */
public record GivenShadow(ConnectionSettings database, boolean onTargetServer) implements ShadowSource {

    /*
     * Everything initdb puts in a database has an oid below FirstNormalObjectId (16384); anything at or above
     * it was created since. Row and array types of tables are left out only to keep the list readable.
     */
    private static final String USER_OBJECTS = """
            WITH o(classid, objid) AS (
                      SELECT 'pg_namespace'::regclass, oid FROM pg_namespace WHERE oid >= 16384
            UNION ALL SELECT 'pg_extension'::regclass, oid FROM pg_extension WHERE oid >= 16384
            UNION ALL SELECT 'pg_class'::regclass, oid FROM pg_class WHERE oid >= 16384 AND relkind NOT IN ('i', 'I', 't')
            UNION ALL SELECT 'pg_type'::regclass, t.oid FROM pg_type t WHERE t.oid >= 16384 AND t.typrelid = 0
                      AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid)
            UNION ALL SELECT 'pg_proc'::regclass, oid FROM pg_proc WHERE oid >= 16384
            UNION ALL SELECT 'pg_operator'::regclass, oid FROM pg_operator WHERE oid >= 16384
            UNION ALL SELECT 'pg_opfamily'::regclass, oid FROM pg_opfamily WHERE oid >= 16384
            UNION ALL SELECT 'pg_opclass'::regclass, oid FROM pg_opclass WHERE oid >= 16384
            UNION ALL SELECT 'pg_collation'::regclass, oid FROM pg_collation WHERE oid >= 16384
            UNION ALL SELECT 'pg_conversion'::regclass, oid FROM pg_conversion WHERE oid >= 16384
            UNION ALL SELECT 'pg_cast'::regclass, oid FROM pg_cast WHERE oid >= 16384
            UNION ALL SELECT 'pg_language'::regclass, oid FROM pg_language WHERE oid >= 16384
            UNION ALL SELECT 'pg_event_trigger'::regclass, oid FROM pg_event_trigger WHERE oid >= 16384
            UNION ALL SELECT 'pg_publication'::regclass, oid FROM pg_publication WHERE oid >= 16384
            UNION ALL SELECT 'pg_foreign_data_wrapper'::regclass, oid FROM pg_foreign_data_wrapper WHERE oid >= 16384
            UNION ALL SELECT 'pg_foreign_server'::regclass, oid FROM pg_foreign_server WHERE oid >= 16384
            UNION ALL SELECT 'pg_ts_config'::regclass, oid FROM pg_ts_config WHERE oid >= 16384
            UNION ALL SELECT 'pg_ts_dict'::regclass, oid FROM pg_ts_dict WHERE oid >= 16384
            UNION ALL SELECT 'pg_ts_parser'::regclass, oid FROM pg_ts_parser WHERE oid >= 16384
            UNION ALL SELECT 'pg_ts_template'::regclass, oid FROM pg_ts_template WHERE oid >= 16384
            UNION ALL SELECT 'pg_statistic_ext'::regclass, oid FROM pg_statistic_ext WHERE oid >= 16384
            UNION ALL SELECT 'pg_transform'::regclass, oid FROM pg_transform WHERE oid >= 16384
            UNION ALL SELECT 'pg_am'::regclass, oid FROM pg_am WHERE oid >= 16384
            UNION ALL SELECT 'pg_default_acl'::regclass, oid FROM pg_default_acl WHERE oid >= 16384
            UNION ALL SELECT 'pg_largeobject_metadata'::regclass, oid FROM pg_largeobject_metadata WHERE oid >= 16384
            )
            SELECT count(*) OVER (), coalesce(i.type || ' ' || i.identity, o.classid::text || ' ' || o.objid)
            FROM o, pg_identify_object(o.classid, o.objid, 0) i ORDER BY o.classid::oid, 2 LIMIT 6""";
    private static final int SHOWN = 5;

    public GivenShadow {
        Objects.requireNonNull(database, "database");
    }

    @Override
    public ConnectionSettings probe() {
        return database;
    }

    @Override
    public Shadow open() {
        refuseUnlessEmpty();
        return new Shadow() {
            @Override
            public ConnectionSettings settings() {
                return database;
            }

            @Override
            public String description() {
                return "the given shadow database " + database;
            }

            @Override
            public boolean isGiven() {
                return true;
            }

            @Override
            public void close() {
                // never cleaned: driftgate cannot prove that everything in it now is its own (MigrationReplay says so)
            }
        };
    }

    @Override
    public String description() {
        return "the given shadow database " + database;
    }

    private void refuseUnlessEmpty() {
        long total = 0;
        List<String> shown = new ArrayList<>();
        try (Connection c = database.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(USER_OBJECTS)) {
            while (rs.next()) {
                total = rs.getLong(1);
                if (shown.size() < SHOWN) {
                    shown.add(rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw DriftgateException.database("Could not read the shadow database " + database + ": " + e.getMessage(), e);
        }
        if (total > 0) {
            throw DriftgateException.badInput("The shadow database " + database + " is not empty: it holds " + total
                    + " object(s) a new database does not, e.g. " + String.join(", ", shown) + (total > shown.size() ? ", …" : "")
                    + ". driftgate replays into an empty database and never empties one it did not create: give --shadow-url "
                    + "a new database (DROP DATABASE … ; CREATE DATABASE … TEMPLATE template0), or leave --shadow-url out "
                    + "to use a temporary one in driftgate's own PostgreSQL.");
        }
    }
}
