package io.driftgate.read.catalog;

import io.driftgate.db.LockHolders;
import io.driftgate.db.LockRetry;
import io.driftgate.failure.DriftgateException;
import io.driftgate.model.CheckConstraint;
import io.driftgate.model.Column;
import io.driftgate.model.EnumType;
import io.driftgate.model.ForeignKey;
import io.driftgate.model.Index;
import io.driftgate.model.PrimaryKey;
import io.driftgate.model.QualifiedName;
import io.driftgate.model.SchemaModel;
import io.driftgate.model.Sequence;
import io.driftgate.model.Table;
import io.driftgate.model.UniqueConstraint;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the live schema of some PostgreSQL schemas from {@code pg_catalog}: one bulk query per object
 * kind, all in one consistent snapshot. Works on PostgreSQL 13 to 17. Deparsing a generated column or
 * an expression takes the table's ACCESS SHARE lock, so a session holding ACCESS EXCLUSIVE blocks the
 * read: it runs under {@code lock_timeout} and, in a transaction of its own, is retried with back-off.
 */
public final class CatalogReader {

    /** Flyway's history table: migration bookkeeping, not application schema, so never part of the model. */
    public static final String FLYWAY_HISTORY_TABLE = "flyway_schema_history";

    private final String historyTable;
    private final LockRetry retry;

    /** Leaves out Flyway's default history table, {@value #FLYWAY_HISTORY_TABLE}. */
    public CatalogReader() {
        this(FLYWAY_HISTORY_TABLE);
    }

    /** Leaves out a history table with another name (Flyway's {@code table} setting). */
    public CatalogReader(String historyTable) {
        this(historyTable, LockRetry.defaults());
    }

    /** With the lock_timeout and attempts of {@code retry}. */
    public CatalogReader(String historyTable, LockRetry retry) {
        this.historyTable = Objects.requireNonNull(historyTable, "historyTable");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    /**
     * The schema model of {@code schemas}. If the connection is in auto-commit mode the reading runs in
     * its own {@code REPEATABLE READ READ ONLY} transaction; otherwise inside the caller's transaction,
     * under a savepoint that is rolled back afterwards. The connection's settings are restored either way.
     * Each read waits at most {@code lock_timeout} for a table lock; in its own transaction it is retried
     * with back-off, inside the caller's the caller retries (its whole transaction must start over).
     *
     * @throws DriftgateException (DATABASE) when a catalog query fails
     */
    public SchemaModel read(Connection connection, List<String> schemas) throws SQLException {
        List<String> names = List.copyOf(schemas);
        if (connection.getAutoCommit()) {
            return readInOwnTransaction(connection, names);
        }
        Savepoint savepoint = connection.setSavepoint();
        try {
            return readWithCatalogPath(connection, names);
        } finally {
            // also undoes the SET LOCAL search_path, so the caller's transaction is untouched
            connection.rollback(savepoint);
        }
    }

    private SchemaModel readInOwnTransaction(Connection connection, List<String> schemas) throws SQLException {
        int isolation = connection.getTransactionIsolation();
        boolean readOnly = connection.isReadOnly();
        connection.setAutoCommit(false);
        try {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            return retry.run("reading the catalog", attempt -> {
                try {
                    SchemaModel model = readWithCatalogPath(connection, schemas);
                    connection.commit();
                    return model;
                } catch (RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            }, (last, attempts) -> lockedOut(connection, schemas, attempts, last));
        } finally {
            connection.rollback(); // nothing to undo after the commit; ends the transaction on failure
            connection.setReadOnly(readOnly);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(true);
        }
    }

    private SchemaModel readWithCatalogPath(Connection connection, List<String> schemas) {
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCAL search_path = pg_catalog");
            s.execute("SET LOCAL lock_timeout = " + retry.setting());
        } catch (SQLException e) {
            throw failure("setting the search path and lock_timeout for reading the catalog", e);
        }
        int version = serverVersion(connection);
        Array schemaArray = schemaArray(connection, schemas);
        Map<Long, TableParts> tables = readTables(connection, schemaArray);
        readColumns(connection, schemaArray, tables);
        readConstraints(connection, schemaArray, tables, version);
        readIndexes(connection, schemaArray, tables);
        List<EnumType> enums = readEnums(connection, schemaArray);
        List<Sequence> sequences = readSequences(connection, schemaArray);
        return new SchemaModel(existingSchemas(connection, schemaArray), tables.values().stream().map(TableParts::toTable).toList(),
                enums, sequences);
    }

    private Map<Long, TableParts> readTables(Connection connection, Array schemas) {
        Map<Long, TableParts> tables = new HashMap<>();
        query(connection, CatalogQueries.TABLES, schemas, "tables", rs -> {
            if (!rs.getString(3).equals(historyTable)) {
                tables.put(rs.getLong(1), new TableParts(QualifiedName.of(rs.getString(2), rs.getString(3))));
            }
        });
        return tables;
    }

    private static void readColumns(Connection connection, Array schemas, Map<Long, TableParts> tables) {
        query(connection, CatalogQueries.COLUMNS, schemas, "columns", rs -> {
            TableParts table = tables.get(rs.getLong(1));
            if (table == null) {
                return;
            }
            Optional<String> expression = Optional.ofNullable(rs.getString(5));
            boolean generated = !rs.getString(7).isEmpty();
            table.columnNames.put(rs.getInt(9), rs.getString(2));
            table.columns.add(new Column(rs.getString(2), rs.getString(3), !rs.getBoolean(4),
                    generated ? Optional.empty() : expression, identity(rs.getString(6)),
                    generated ? expression : Optional.empty(), Optional.ofNullable(rs.getString(8))));
        });
    }

    private static void readConstraints(Connection connection, Array schemas, Map<Long, TableParts> tables, int version) {
        query(connection, CatalogQueries.constraints(version), schemas, "constraints", rs -> {
            TableParts table = tables.get(rs.getLong(1));
            if (table == null) {
                return;
            }
            String name = rs.getString(2);
            List<String> columns = table.names(rs.getArray(4));
            switch (rs.getString(3)) {
                case "p" -> table.primaryKey = Optional.of(new PrimaryKey(name, columns));
                case "u" -> table.uniques.add(new UniqueConstraint(name, columns, rs.getBoolean(13)));
                case "f" -> table.foreignKeys.add(new ForeignKey(name, columns,
                        QualifiedName.of(rs.getString(5), rs.getString(6)), strings(rs.getArray(7)),
                        ForeignKey.Action.fromCatalogCode(rs.getString(8).charAt(0)),
                        ForeignKey.Action.fromCatalogCode(rs.getString(9).charAt(0)),
                        rs.getBoolean(10), rs.getBoolean(11)));
                case "c" -> table.checks.add(new CheckConstraint(name, checkExpression(rs.getString(12))));
                default -> throw new IllegalStateException("unexpected constraint type " + rs.getString(3));
            }
        });
    }

    /** {@code CHECK ((a > 0))} → {@code ((a > 0))}; NOT VALID is a state, not part of the condition. */
    static String checkExpression(String definition) {
        String text = definition.startsWith("CHECK ") ? definition.substring("CHECK ".length()) : definition;
        return text.endsWith(" NOT VALID") ? text.substring(0, text.length() - " NOT VALID".length()) : text;
    }

    private static void readIndexes(Connection connection, Array schemas, Map<Long, TableParts> tables) {
        query(connection, CatalogQueries.INDEXES, schemas, "indexes", rs -> {
            TableParts table = tables.get(rs.getLong(1));
            if (table != null) {
                List<String> columns = table.names(rs.getArray(5));
                int keyCount = rs.getInt(6);
                Iterator<String> expressions = strings(rs.getArray(7)).iterator();
                List<String> keys = columns.subList(0, keyCount).stream()
                        .map(name -> name == null ? expressions.next() : name).toList(); // attnum 0: an expression
                table.indexes.add(new Index(rs.getString(2), rs.getBoolean(3), rs.getString(4), keys,
                        columns.subList(keyCount, columns.size()), Optional.ofNullable(rs.getString(8))));
            }
        });
    }

    private static List<EnumType> readEnums(Connection connection, Array schemas) {
        List<EnumType> enums = new ArrayList<>();
        query(connection, CatalogQueries.ENUMS, schemas, "enum types", rs -> enums.add(
                new EnumType(QualifiedName.of(rs.getString(1), rs.getString(2)), strings(rs.getArray(3)))));
        return enums;
    }

    private List<Sequence> readSequences(Connection connection, Array schemas) {
        List<Sequence> sequences = new ArrayList<>();
        query(connection, CatalogQueries.SEQUENCES, schemas, "sequences", rs -> {
            Optional<Sequence.ColumnRef> ownedBy = rs.getString(10) == null ? Optional.empty()
                    : Optional.of(new Sequence.ColumnRef(QualifiedName.of(rs.getString(10), rs.getString(11)),
                    rs.getString(12)));
            sequences.add(new Sequence(QualifiedName.of(rs.getString(1), rs.getString(2)), rs.getString(3),
                    rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getBoolean(9),
                    ownedBy));
        });
        return sequences;
    }

    private static Column.Identity identity(String code) {
        return switch (code) {
            case "a" -> Column.Identity.ALWAYS;
            case "d" -> Column.Identity.BY_DEFAULT;
            default -> Column.Identity.NONE;
        };
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList();
    }

    /** The requested schemas that exist, so a missing one shows as drift. */
    private static List<String> existingSchemas(Connection connection, Array schemas) {
        List<String> existing = new ArrayList<>();
        query(connection, "SELECT nspname FROM pg_namespace WHERE nspname = ANY (?)", schemas, "schemas",
                rs -> existing.add(rs.getString(1)));
        return existing;
    }

    private static int serverVersion(Connection connection) {
        try {
            return connection.getMetaData().getDatabaseMajorVersion();
        } catch (SQLException e) {
            throw failure("the server version", e);
        }
    }

    private static Array schemaArray(Connection connection, List<String> schemas) {
        try {
            return connection.createArrayOf("text", schemas.toArray());
        } catch (SQLException e) {
            throw failure("the schema list " + schemas, e);
        }
    }

    @FunctionalInterface
    private interface RowHandler {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(Connection connection, String sql, Array schemas, String what, RowHandler handler) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, schemas);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Every attempt waited for a lock: name the tables and who holds them, asked on the same (rolled back) connection. */
    private DriftgateException lockedOut(Connection connection, List<String> schemas, int attempts, Exception last) {
        String holders;
        try {
            holders = LockHolders.describe(LockHolders.in(connection, schemas, true));
        } catch (SQLException e) {
            holders = "(could not ask pg_locks who holds the lock: " + e.getMessage() + ")";
        }
        return DriftgateException.database("Reading the schema from the PostgreSQL catalog waited for a table lock "
                + attempts + " times (lock_timeout " + retry.lockTimeout().toMillis() + " ms each): " + holders
                + " Nothing was changed; rerun when the lock is released, or raise --lock-timeout.", last);
    }

    private static DriftgateException failure(String what, SQLException e) {
        return DriftgateException.database("Reading " + what + " from the PostgreSQL catalog failed: "
                + e.getMessage(), e);
    }

    /** The pieces of one table while the per-kind queries come in. */
    private static final class TableParts {
        private final QualifiedName name;
        private final List<Column> columns = new ArrayList<>();
        private final Map<Integer, String> columnNames = new HashMap<>();
        private Optional<PrimaryKey> primaryKey = Optional.empty();
        private final List<UniqueConstraint> uniques = new ArrayList<>();
        private final List<ForeignKey> foreignKeys = new ArrayList<>();
        private final List<CheckConstraint> checks = new ArrayList<>();
        private final List<Index> indexes = new ArrayList<>();

        TableParts(QualifiedName name) {
            this.name = name;
        }

        /** Column names for an {@code int2[]} of attnums, in array order; {@code null} for attnum 0. */
        List<String> names(Array attnums) throws SQLException {
            List<String> names = new ArrayList<>(); // not toList(): an expression key (attnum 0) has no name
            for (Object attnum : (Object[]) attnums.getArray()) {
                names.add(columnNames.get(((Number) attnum).intValue()));
            }
            return names;
        }

        Table toTable() {
            return new Table(name, columns, primaryKey, uniques, foreignKeys, checks, indexes);
        }
    }
}
