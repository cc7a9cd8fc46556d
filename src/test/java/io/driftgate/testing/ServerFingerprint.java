package io.driftgate.testing;

import io.driftgate.db.ConnectionSettings;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run could change on a server outside any one database: roles and their settings, databases,
 * tablespaces and {@code ALTER SYSTEM} settings, as sorted lines. {@code plan} and {@code check} must leave
 * it equal.
 */
public record ServerFingerprint(List<String> lines) {

    private static final List<String> QUERIES = List.of(
            "SELECT 'role ' || rolname || ' super ' || rolsuper || ' createdb ' || rolcreatedb || ' createrole ' || rolcreaterole"
                    + " || ' login ' || rolcanlogin || ' conn ' || rolconnlimit || ' config ' || coalesce(array_to_string(rolconfig, ','), '')"
                    + " FROM pg_roles",
            "SELECT 'member ' || roleid::regrole::text || ' of ' || member::regrole::text FROM pg_auth_members",
            "SELECT 'database ' || datname || ' owner ' || pg_get_userbyid(datdba) || ' acl ' || coalesce(datacl::text, '')"
                    + " || ' conn ' || datallowconn FROM pg_database"
                    // the test harness's own per-JVM templates, on the test provider (not a user's server)
                    + " WHERE datname NOT LIKE 'dg\\_tpl\\_%'",
            "SELECT 'tablespace ' || spcname FROM pg_tablespace",
            "SELECT 'db role setting ' || setdatabase || ' ' || setrole || ' ' || array_to_string(setconfig, ',') FROM pg_db_role_setting",
            "SELECT 'auto.conf ' || name || '=' || coalesce(setting, '') FROM pg_file_settings WHERE sourcefile LIKE '%postgresql.auto.conf'");

    public static ServerFingerprint of(ConnectionSettings admin) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = admin.open(); Statement s = c.createStatement()) {
            for (String query : QUERIES) {
                try (ResultSet rs = s.executeQuery(query)) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
            }
        }
        return new ServerFingerprint(lines.stream().sorted().toList());
    }

    public List<String> differencesFrom(ServerFingerprint before) {
        List<String> out = new ArrayList<>();
        before.lines.stream().filter(l -> !lines.contains(l)).forEach(l -> out.add("- " + l));
        lines.stream().filter(l -> !before.lines.contains(l)).forEach(l -> out.add("+ " + l));
        return List.copyOf(out);
    }
}
