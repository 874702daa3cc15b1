package org.cbamledger.service.db;

import java.sql.SQLException;

/**
 * A store's database failure, unchecked so that it passes controllers without their declaring it, and keeping the
 * SQLSTATE the edge maps: class 22 or 54 (a value the database refused) to 400, anything else to 503 + Retry-After.
 */
public final class StoreException extends RuntimeException {
    /** Database work that may fail with an SQLException. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** Runs a store's work, its SQLException turned into a StoreException. */
    public static <T> T wrapping(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    @Override
    public synchronized SQLException getCause() {
        return (SQLException) super.getCause();
    }

    /** The SQLSTATE of the failure, "" when the driver gave none. */
    public String sqlState() {
        return getCause().getSQLState() == null ? "" : getCause().getSQLState();
    }
}
