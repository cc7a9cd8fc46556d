package io.driftgate.read.replay;

import io.driftgate.model.SchemaModel;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads the schema model of a database through an open connection, without closing it. The replay reads
 * inside Flyway's migration transaction, so the reader must only query (the catalog reader does).
 */
@FunctionalInterface
public interface SchemaReader {
    SchemaModel read(Connection connection, List<String> schemas) throws SQLException;
}
