package io.driftgate.providers;

import io.driftgate.db.ConnectionSettings;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What a running server says it is: its major (from {@code server_version_num}) and its full version text. */
public record ServerVersion(int major, String text) {

    /** Asks the server; a {@link ProviderException} with the server named when it cannot be asked. */
    public static ServerVersion of(ConnectionSettings settings) {
        try {
            return query(settings);
        } catch (SQLException e) {
            throw new ProviderException("Could not ask " + settings + " for its version: " + e.getMessage(), e);
        }
    }

    static ServerVersion query(ConnectionSettings settings) throws SQLException {
        try (Connection c = settings.open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int, current_setting('server_version')")) {
            rs.next();
            return new ServerVersion(PostgresMajor.ofVersionNumber(rs.getInt(1)), rs.getString(2).split(" ")[0]);
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL " + text;
    }
}
