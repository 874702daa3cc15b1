package org.cbamledger.service.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.SigningKey;

/** The {@code log_note_keys} table: the note keys a log rotated to. */
public final class LogKeyStore {
    private LogKeyStore() {}

    public static void insert(Connection c, String logId, RotatedKey key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into log_note_keys"
                + " (log_id, note_key_pkcs8, verifier_key, from_size, created_at) values (?, ?, ?, ?, ?)")) {
            s.setString(1, logId);
            s.setBytes(2, key.noteKey().pkcs8Der());
            s.setString(3, key.verifierKey());
            s.setLong(4, key.fromSize());
            s.setTimestamp(5, Timestamp.from(key.createdAt()));
            s.executeUpdate();
        }
    }

    public static LogKeys keys(Connection c, LogInfo log) throws SQLException {
        List<RotatedKey> rotations = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "select note_key_pkcs8, verifier_key, from_size, created_at from log_note_keys where log_id = ?")) {
            s.setString(1, log.logId());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    SigningKey key = SigningKey.fromPkcs8(KeyAlgorithm.ED25519, r.getBytes(1));
                    Instant createdAt = r.getTimestamp(4).toInstant();
                    rotations.add(new RotatedKey(key, r.getString(2), r.getLong(3), createdAt));
                }
            }
        } catch (SignerException e) {
            throw new SQLException("a stored rotated note key of log " + log.logId() + " is unreadable", e);
        }
        return new LogKeys(log.origin(), log.noteKey(), rotations);
    }
}
