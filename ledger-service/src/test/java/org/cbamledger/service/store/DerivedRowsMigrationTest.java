package org.cbamledger.service.store;

import static org.cbamledger.service.support.Migrations.migrate;
import static org.cbamledger.service.support.Migrations.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.cbamledger.service.support.Migrations;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * V72: the tree's hashes and the room index, derived rows, are written without a per-row check against logs; the
 * system of record (entries, device batches) still refuses a row of a log that does not exist.
 */
class DerivedRowsMigrationTest {
    private static final String WRITE_PATH_TABLES = "('entries', 'device_batches', 'tree_hashes', 'room_index_entries',"
            + " 'room_index_keys', 'room_index_readings')";

    @Test
    void systemOfRecord_keepsItsCheckAgainstLogs_derivedRowsDropTheirs() throws Exception {
        PGSimpleDataSource db = Migrations.freshDatabase();
        migrate(db, "latest");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            assertEquals(List.of("device_batches", "entries"), strings(s, "select conrelid::regclass::text from"
                    + " pg_constraint where contype = 'f' and confrelid = 'logs'::regclass and conrelid::regclass::text in "
                    + WRITE_PATH_TABLES + " order by 1"));
            SQLException entry = assertThrows(SQLException.class, () -> s.execute("insert into entries (log_id,"
                    + " entry_index, leaf_hash, kind, envelope) values ('no-such-log', 0, '\\x00', 'party', '\\x00')"));
            assertEquals("23503", entry.getSQLState(), entry.getMessage());
            SQLException device = assertThrows(SQLException.class, () -> s.execute("insert into device_batches (log_id,"
                    + " device_id, sequence, entry_index, leaf_hash) values ('no-such-log', 'gw-1', 0, 0, '\\x00')"));
            assertEquals("23503", device.getSQLState(), device.getMessage());
        }
    }
}
