package org.cbamledger.service.documents;

import static org.cbamledger.service.support.Migrations.migrate;
import static org.cbamledger.service.support.Migrations.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.cbamledger.service.support.Migrations;
import org.cbamledger.service.support.TestLog;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.Kinds;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** V6 (log_documents): a log stored under V5 keeps holding what its anchors name, erased what its erasures name. */
class LogDocumentsMigrationTest {
    private static final String ANCHORED = "a".repeat(64);
    private static final String ERASED = "e".repeat(64);

    @Test
    void migration_backfillsHoldsFromAnchorEntries_andErasuresFromErasureEntries() throws Exception {
        PGSimpleDataSource db = Migrations.freshDatabase();
        migrate(db, "5");
        SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519);
        try (Connection c = db.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("insert into logs (log_id, origin, operator_name, note_key_pkcs8) values"
                        + " ('log-a', 'example.org/log-a', 'A', '\\x00'), ('log-b', 'example.org/log-b', 'B', '\\x00')");
            }
            insertEntry(c, "log-a", 0, Kinds.DOCUMENT_ANCHOR, anchor(ANCHORED), key);
            insertEntry(c, "log-a", 1, Kinds.DOCUMENT_ANCHOR, anchor(ERASED), key);
            insertEntry(c, "log-a", 2, Kinds.DOCUMENT_ERASURE, "{\"kind\":\"document-erasure\",\"sha256\":\"" + ERASED
                    + "\",\"reason\":\"GDPR art. 17\",\"requestedBy\":\"operator\",\"erasedAt\":\"2026-05-01T00:00:00Z\"}",
                    key);
            insertEntry(c, "log-a", 3, Kinds.DOCUMENT_ANCHOR, anchor(ANCHORED), key);
        }
        migrate(db, "latest");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            assertEquals(List.of("log-a " + ANCHORED + " held", "log-a " + ERASED + " erased GDPR art. 17 operator"),
                    strings(s, "select log_id || ' ' || sha256 || ' ' || case when erased_at is null then 'held'"
                            + " else 'erased ' || erasure_reason || ' ' || erasure_requested_by end"
                            + " from log_documents order by sha256"));
            assertEquals(List.of("2026-05-01 00:00:00+00"), strings(s, "select erased_at at time zone 'UTC' || '+00'"
                    + " from log_documents where erased_at is not null"));
        }
    }

    private static String anchor(String sha256) {
        return "{\"kind\":\"document-anchor\",\"sha256\":\"" + sha256 + "\",\"sizeBytes\":1}";
    }

    private static void insertEntry(Connection c, String logId, long index, String kind, String record, SigningKey key)
            throws SQLException, org.cbamledger.signer.SignerException {
        try (PreparedStatement s = c.prepareStatement(
                "insert into entries (log_id, entry_index, leaf_hash, kind, envelope) values (?, ?, ?, ?, ?)")) {
            s.setString(1, logId);
            s.setLong(2, index);
            s.setBytes(3, new byte[] {(byte) index});
            s.setString(4, kind);
            s.setBytes(5, TestLog.sign(kind, record.getBytes(StandardCharsets.UTF_8), key));
            s.executeUpdate();
        }
    }
}
