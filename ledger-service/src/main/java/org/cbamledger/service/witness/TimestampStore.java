package org.cbamledger.service.witness;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.NavigableMap;
import java.util.TreeMap;
import javax.sql.DataSource;

/** The {@code checkpoint_timestamps} table: RFC 3161 tokens over checkpoints. */
public final class TimestampStore {
    private final DataSource dataSource;

    public TimestampStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(String logId, long treeSize, byte[] token, Instant genTime, String tsaUrl) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into checkpoint_timestamps (log_id, tree_size, token,"
                        + " gen_time, tsa_url) values (?, ?, ?, ?, ?) on conflict do nothing")) {
            s.setString(1, logId);
            s.setLong(2, treeSize);
            s.setBytes(3, token);
            s.setTimestamp(4, Timestamp.from(genTime));
            s.setString(5, tsaUrl);
            s.executeUpdate();
        }
    }

    /** The tokens of checkpoints of sizes up to {@code maxSize}, by size. */
    public NavigableMap<Long, byte[]> upTo(String logId, long maxSize) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select tree_size, token from checkpoint_timestamps"
                        + " where log_id = ? and tree_size <= ? order by tree_size")) {
            s.setString(1, logId);
            s.setLong(2, maxSize);
            NavigableMap<Long, byte[]> tokens = new TreeMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    tokens.put(r.getLong(1), r.getBytes(2));
                }
            }
            return tokens;
        }
    }

    public long latestSize(String logId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select coalesce(max(tree_size), 0) from checkpoint_timestamps where log_id = ?")) {
            s.setString(1, logId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
