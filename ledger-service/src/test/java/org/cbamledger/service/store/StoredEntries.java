package org.cbamledger.service.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** Stores entries as the sequencer does, for tests that build a log's rows without the write path. */
public final class StoredEntries {
    private StoredEntries() {}

    public static void insert(DataSource db, String logId, List<StoredEntry> entries) throws SQLException {
        try (Connection c = db.getConnection()) {
            EntryStore.insert(c, logId, entries);
        }
    }
}
