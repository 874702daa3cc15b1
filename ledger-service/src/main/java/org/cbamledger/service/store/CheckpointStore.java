package org.cbamledger.service.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code checkpoints} table: every checkpoint the log signed. */
public final class CheckpointStore {
    private final DataSource dataSource;

    public CheckpointStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<StoredCheckpoint> latest(String logId) throws SQLException {
        return one("select tree_size, root_hash, signed_note from checkpoints where log_id = ?"
                + " order by tree_size desc limit 1", logId, -1);
    }

    public Optional<StoredCheckpoint> bySize(String logId, long treeSize) throws SQLException {
        return one("select tree_size, root_hash, signed_note from checkpoints where log_id = ? and tree_size = ?",
                logId, treeSize);
    }

    /** In the signer's transaction; a second checkpoint of one size violates the primary key (log, size). */
    public static void insert(Connection c, StoredCheckpoint checkpoint, String logId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into checkpoints (log_id, tree_size, root_hash,"
                        + " signed_note) values (?, ?, ?, ?)")) {
            s.setString(1, logId);
            s.setLong(2, checkpoint.treeSize());
            s.setBytes(3, checkpoint.rootHash());
            s.setString(4, checkpoint.signedNote());
            s.executeUpdate();
        }
    }

    private Optional<StoredCheckpoint> one(String sql, String logId, long size) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, logId);
            if (size >= 0) {
                s.setLong(2, size);
            }
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredCheckpoint(r.getLong(1), r.getBytes(2), r.getString(3)));
            }
        }
    }
}
