package io.driftgate.history;

import io.driftgate.sql.Identifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import io.driftgate.read.replay.ReplayedMigration;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flyway's history table, read and written inside driftgate's repair transaction, so that repair DDL
 * and the rows recording migrations as applied commit or roll back together. The layout is Flyway 13's
 * (FlywayHistoryTableTest compares it with a table Flyway itself created), and rows carry Flyway's own
 * checksum, description, type and script, so {@code flyway validate} accepts them.
 */
public final class FlywayHistoryTable {

    private final String schema;
    private final String table;

    public FlywayHistoryTable(String schema, String table) {
        this.schema = schema;
        this.table = table;
    }

    public String qualifiedName() {
        return Identifiers.qualified(schema, table);
    }

    public boolean exists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, qualifiedName());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** All rows in installed order; empty when the table does not exist. */
    public List<HistoryRow> rows(Connection c) throws SQLException {
        if (!exists(c)) {
            return List.of();
        }
        List<HistoryRow> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT installed_rank, version, description, type, script, checksum, success FROM " + qualifiedName()
                        + " ORDER BY installed_rank")) {
            while (rs.next()) {
                int checksum = rs.getInt(6);
                Optional<Integer> maybeChecksum = rs.wasNull() ? Optional.empty() : Optional.of(checksum);
                rows.add(new HistoryRow(rs.getInt(1), Optional.ofNullable(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5), maybeChecksum, rs.getBoolean(7)));
            }
        }
        return List.copyOf(rows);
    }

    /** Creates the table as Flyway 13 would (the schema must exist). */
    public void create(Connection c) throws SQLException {
        String name = qualifiedName();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + name + " ("
                    + "installed_rank INT NOT NULL, version VARCHAR(50), description VARCHAR(200) NOT NULL, "
                    + "type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL, checksum INTEGER, "
                    + "installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT now(), "
                    + "execution_time INTEGER NOT NULL, success BOOLEAN NOT NULL)");
            s.execute("ALTER TABLE " + name + " ADD CONSTRAINT " + Identifiers.quote(table + "_pk") + " PRIMARY KEY (installed_rank)");
            s.execute("CREATE INDEX " + Identifiers.quote(table + "_s_idx") + " ON " + name + " (success)");
        }
    }

    /** Records a migration as applied (success, execution time 0: it was not run by Flyway). */
    public void recordApplied(Connection c, ReplayedMigration m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + qualifiedName()
                + " (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success) "
                + "SELECT coalesce(max(installed_rank), 0) + 1, ?, ?, ?, ?, ?, current_user, 0, true FROM " + qualifiedName())) {
            ps.setString(1, m.version().orElse(null));
            ps.setString(2, m.description());
            ps.setString(3, m.type());
            ps.setString(4, m.script());
            setChecksum(ps, 5, m);
            ps.executeUpdate();
        }
    }

    /** Removes failed rows, as {@code flyway repair} does; on PostgreSQL a failed migration left nothing else behind. */
    public int deleteFailedRows(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("DELETE FROM " + qualifiedName() + " WHERE NOT success");
        }
    }

    /** Brings an applied row's checksum and description to the script's current ones (a proven edit). */
    public void realign(Connection c, ReplayedMigration m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + qualifiedName()
                + " SET checksum = ?, description = ? WHERE version = ? AND success")) {
            setChecksum(ps, 1, m);
            ps.setString(2, m.description());
            ps.setString(3, m.version().orElseThrow());
            ps.executeUpdate();
        }
    }

    private static void setChecksum(PreparedStatement ps, int index, ReplayedMigration m) throws SQLException {
        if (m.checksum().isPresent()) {
            ps.setInt(index, m.checksum().get());
        } else {
            ps.setNull(index, Types.INTEGER);
        }
    }
}
