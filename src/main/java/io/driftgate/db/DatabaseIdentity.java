package io.driftgate.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Which database a connection really reaches, whatever host name or URL form led there: the server's start time and
 * port (one running server) and the database name. Two URLs that differ as text can still name one database.
 */
public record DatabaseIdentity(String serverStarted, int port, String database) {

    private static final String QUERY = "SELECT pg_postmaster_start_time()::text, current_setting('port')::int, current_database()";

    /** One running server: the same start instant and port (databases aside). */
    public boolean sameServerAs(DatabaseIdentity other) {
        return serverStarted.equals(other.serverStarted) && port == other.port;
    }

    public static DatabaseIdentity of(ConnectionSettings settings) throws SQLException {
        try (Connection c = settings.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
            rs.next();
            return new DatabaseIdentity(rs.getString(1), rs.getInt(2), rs.getString(3));
        }
    }
}
