package org.cbamledger.service.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.SigningKey;

/** The {@code logs} and {@code log_state} tables. */
public final class LogStore {
    private final DataSource dataSource;

    public LogStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts the log; false when the log id is taken. */
    public boolean insert(Connection c, String logId, String operatorName, SigningKey noteKey, byte[] emptyRoot)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "insert into logs (log_id, origin, operator_name, note_key_pkcs8) values (?, ?, ?, ?)"
                        + " on conflict do nothing")) {
            s.setString(1, logId);
            s.setString(2, LogInfo.originOf(logId));
            s.setString(3, operatorName);
            s.setBytes(4, noteKey.pkcs8Der());
            if (s.executeUpdate() == 0) {
                return false;
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "insert into log_sequence (log_id, sequenced_size) values (?, 0)")) {
            s.setString(1, logId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "insert into log_tree (log_id, integrated_size, integrated_root) values (?, 0, ?)")) {
            s.setString(1, logId);
            s.setBytes(2, emptyRoot);
            s.executeUpdate();
        }
        return true;
    }

    public Optional<LogInfo> find(String logId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select origin, operator_name, note_key_pkcs8 from logs where log_id = ?")) {
            s.setString(1, logId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                String origin = r.getString(1);
                SigningKey key = SigningKey.fromPkcs8(KeyAlgorithm.ED25519, r.getBytes(3));
                return Optional.of(new LogInfo(logId, origin, r.getString(2), key));
            }
        } catch (SignerException e) {
            throw new SQLException("stored note key of log " + logId + " is unreadable", e);
        }
    }

    public List<String> logIds() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select log_id from logs order by log_id");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        return ids;
    }

    public LogState state(String logId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return new LogState(sequencedSize(c, logId, false), integratedSize(c, logId), integratedRoot(c, logId));
        }
    }

    /** With {@code lock} the row is held until the transaction ends: one sequencer per log. */
    public static long sequencedSize(Connection c, String logId, boolean lock) throws SQLException {
        String sql = "select sequenced_size from log_sequence where log_id = ?" + (lock ? " for update" : "");
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, logId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException("no sequence row for log " + logId);
                }
                return r.getLong(1);
            }
        }
    }

    public static long integratedSize(Connection c, String logId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select integrated_size from log_tree where log_id = ?")) {
            s.setString(1, logId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException("no tree row for log " + logId);
                }
                return r.getLong(1);
            }
        }
    }

    public static byte[] integratedRoot(Connection c, String logId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select integrated_root from log_tree where log_id = ?")) {
            s.setString(1, logId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException("no tree row for log " + logId);
                }
                return r.getBytes(1);
            }
        }
    }

    public static void setSequencedSize(Connection c, String logId, long size) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update log_sequence set sequenced_size = ? where log_id = ?")) {
            s.setLong(1, size);
            s.setString(2, logId);
            s.executeUpdate();
        }
    }

    /** Only the log's integrator writes this row; the size guard keeps a late writer from moving it back. */
    public static void setIntegrated(Connection c, String logId, long size, byte[] root) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "update log_tree set integrated_size = ?, integrated_root = ? where log_id = ? and integrated_size < ?")) {
            s.setLong(1, size);
            s.setBytes(2, root);
            s.setString(3, logId);
            s.setLong(4, size);
            s.executeUpdate();
        }
    }
}
