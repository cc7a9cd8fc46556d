package io.driftgate.read.replay;

import io.driftgate.db.ConnectionSettings;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

final class ReplayTestSupport {

    private ReplayTestSupport() {
    }

    /** Temporary shadows still on the server: after a replay there must be none of its own. */
    static List<String> shadowDatabasesOn(ConnectionSettings admin) {
        try (Connection c = admin.open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'dg\\_shadow\\_%'")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
