package org.cbamledger.service.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A table of the service's database renamed away for the length of a block, and back after it: a store failure. */
public final class TableGone implements AutoCloseable {
    private final Connection connection;
    private final String table;

    public TableGone(String jdbcUrl, String table) throws SQLException {
        this.connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
        this.table = table;
        try (Statement s = connection.createStatement()) {
            s.execute("alter table " + table + " rename to " + table + "_elsewhere");
        }
    }

    @Override
    public void close() throws SQLException {
        try (connection; Statement s = connection.createStatement()) {
            s.execute("alter table " + table + "_elsewhere rename to " + table);
        }
    }
}
