package org.cbamledger.service.db;

import java.sql.SQLException;

/**
 * A store's database failure, unchecked so that it passes controllers without their declaring it, and keeping the
 * SQLSTATE the edge maps: class 22 or 54 (a value the database refused) to 400, anything else to 503 + Retry-After.
 */
public final class StoreException extends RuntimeException {
    /** Database work that may fail with an SQLException, and with {@code E} (a domain exception) besides. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws SQLException, E;
    }

    /** Database work without a result, as {@link Work}. */
    @FunctionalInterface
    public interface Action<E extends Exception> {
        void run() throws SQLException, E;
    }

    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** Runs a store's work, its SQLException turned into a StoreException and its other exception passed on. */
    public static <T, E extends Exception> T wrapping(Work<T, E> work) throws E {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Runs a store's work without a result, as {@link #wrapping} does. */
    public static <E extends Exception> void running(Action<E> action) throws E {
        try {
            action.run();
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
