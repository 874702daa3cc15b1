package org.cbamledger.service.index;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.cbamledger.service.store.StoredEntry;

/**
 * Another index kept from the sequenced entries (the rooms' scope index): it writes its rows for each page of entries
 * in the transaction that indexes the page, so both indexes always reach the same size.
 */
@FunctionalInterface
public interface PageIndexer {
    void index(Connection c, String logId, List<StoredEntry> page) throws SQLException;
}
