package org.cbamledger.service.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.PublicKeyInfo;
import org.cbamledger.signer.SignerException;

/** The {@code log_keys} table: the log's key registrations and revocations, written as they are sequenced. */
public final class KeyStore {
    private final DataSource dataSource;

    public KeyStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<RegisteredKey> find(String logId, String keyId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return find(c, logId, keyId);
        }
    }

    public static Optional<RegisteredKey> find(Connection c, String logId, String keyId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select key_id, algorithm, spki, party, role, allowed_kinds,"
                + " valid_from, valid_until, registered_index, revoked_at from log_keys where log_id = ? and key_id = ?")) {
            s.setString(1, logId);
            s.setString(2, keyId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                PublicKeyInfo publicKey = new PublicKeyInfo(KeyAlgorithm.fromWire(r.getString(2)), r.getBytes(3));
                String[] kinds = (String[]) r.getArray(6).getArray();
                KeyRegistration registration = new KeyRegistration(r.getString(1), publicKey, r.getString(4),
                        r.getString(5), List.of(kinds), r.getTimestamp(7).toInstant(), instant(r.getTimestamp(8)));
                Timestamp revoked = r.getTimestamp(10);
                return Optional.of(new RegisteredKey(registration, r.getLong(9), instant(revoked)));
            }
        } catch (SignerException e) {
            throw new SQLException("stored key " + keyId + " has an unknown algorithm", e);
        }
    }

    public static void insert(Connection c, String logId, KeyRegistration k, long index) throws SQLException {
        Array kinds = c.createArrayOf("text", k.allowedKinds().toArray());
        try (PreparedStatement s = c.prepareStatement("insert into log_keys (log_id, key_id, algorithm, spki, party,"
                + " role, allowed_kinds, valid_from, valid_until, registered_index) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, logId);
            s.setString(2, k.keyId());
            s.setString(3, k.algorithm().wireName());
            s.setBytes(4, k.publicKey().spkiDer());
            s.setString(5, k.party());
            s.setString(6, k.role());
            s.setArray(7, kinds);
            s.setTimestamp(8, Timestamp.from(k.validFrom()));
            s.setTimestamp(9, k.validUntil() == null ? null : Timestamp.from(k.validUntil()));
            s.setLong(10, index);
            s.executeUpdate();
        } finally {
            kinds.free();
        }
    }

    /** The earliest revocation wins: a later one never moves {@code revoked_at} forward. */
    public static void revoke(Connection c, String logId, KeyRevocation revocation, long index) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update log_keys set revoked_at = ?, revoked_index = ?"
                + " where log_id = ? and key_id = ? and (revoked_at is null or revoked_at > ?)")) {
            Timestamp at = Timestamp.from(revocation.revokedAt());
            s.setTimestamp(1, at);
            s.setLong(2, index);
            s.setString(3, logId);
            s.setString(4, revocation.keyId());
            s.setTimestamp(5, at);
            s.executeUpdate();
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** For each of the given keys registered in the log: its revocation time, or null while unrevoked. */
    public static Map<String, Instant> revocationsOf(Connection c, String logId, Collection<String> keyIds) throws SQLException {
        Map<String, Instant> found = new HashMap<>();
        if (keyIds.isEmpty()) {
            return found;
        }
        Array array = c.createArrayOf("text", keyIds.toArray());
        try (PreparedStatement s = c.prepareStatement(
                "select key_id, revoked_at from log_keys where log_id = ? and key_id = any (?)")) {
            s.setString(1, logId);
            s.setArray(2, array);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.put(r.getString(1), instant(r.getTimestamp(2)));
                }
            }
        } finally {
            array.free();
        }
        return found;
    }
}
