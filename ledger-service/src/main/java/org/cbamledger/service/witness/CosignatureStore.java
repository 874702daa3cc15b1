package org.cbamledger.service.witness;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;

/** The {@code checkpoint_cosignatures} and {@code witness_progress} tables. */
public final class CosignatureStore {
    private final DataSource dataSource;

    public CosignatureStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(String logId, long treeSize, String witnessKey, String signatureLine, Instant cosignedAt)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into checkpoint_cosignatures (log_id, tree_size,"
                        + " witness_key, signature_line, cosigned_at) values (?, ?, ?, ?, ?) on conflict do nothing")) {
            s.setString(1, logId);
            s.setLong(2, treeSize);
            s.setString(3, witnessKey);
            s.setString(4, signatureLine);
            s.setTimestamp(5, Timestamp.from(cosignedAt));
            s.executeUpdate();
        }
    }

    /** The cosignature lines of one checkpoint, in witness-key order. */
    public List<String> lines(String logId, long treeSize) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select signature_line from checkpoint_cosignatures"
                        + " where log_id = ? and tree_size = ? order by witness_key")) {
            s.setString(1, logId);
            s.setLong(2, treeSize);
            List<String> lines = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    lines.add(r.getString(1));
                }
            }
            return lines;
        }
    }

    /** The largest checkpoint size cosigned by at least {@code quorum} of these witness keys. */
    public OptionalLong latestWitnessed(String logId, List<String> witnessKeys, int quorum) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select max(tree_size) from (select tree_size from"
                        + " checkpoint_cosignatures where log_id = ? and witness_key = any(?) group by tree_size"
                        + " having count(*) >= ?) w")) {
            s.setString(1, logId);
            s.setArray(2, c.createArrayOf("text", witnessKeys.toArray()));
            s.setInt(3, quorum);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                long size = r.getLong(1);
                return r.wasNull() ? OptionalLong.empty() : OptionalLong.of(size);
            }
        }
    }

    /** The size the witness last cosigned of this log, as far as the service knows; 0 when it knows nothing. */
    public long progress(String logId, String witnessKey) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select tree_size from witness_progress where log_id = ? and witness_key = ?")) {
            s.setString(1, logId);
            s.setString(2, witnessKey);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    public void setProgress(String logId, String witnessKey, long treeSize) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into witness_progress (log_id, witness_key, tree_size)"
                        + " values (?, ?, ?) on conflict (log_id, witness_key) do update set tree_size = excluded.tree_size")) {
            s.setString(1, logId);
            s.setString(2, witnessKey);
            s.setLong(3, treeSize);
            s.executeUpdate();
        }
    }
}
