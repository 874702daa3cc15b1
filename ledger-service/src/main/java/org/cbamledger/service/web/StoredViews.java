package org.cbamledger.service.web;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code web_views} table: rendered view bodies by log, exact {@link ViewDigest} and month asked for, and the leaf
 * hashes a digest is made of. A log keeps the bodies of its newest {@value #DIGESTS_KEPT} digests.
 */
final class StoredViews {
    static final int DIGESTS_KEPT = 8;
    private static final int LEAVES_PER_QUERY = 50_000;
    private final DataSource dataSource;

    StoredViews(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A body as stored: {@code linksToken} stands for the room id in its links. */
    record Body(String linksToken, String html) {}

    Optional<Body> find(String logId, ViewDigest digest, String month) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select links_token, body from web_views"
                        + " where log_id = ? and view_sha256 = ? and month = ?")) {
            s.setString(1, logId);
            s.setBytes(2, digest.sha256());
            s.setString(3, month);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Body(r.getString(1), r.getString(2))) : Optional.empty();
            }
        }
    }

    /** Stores the body (one stored before is kept) and drops the log's older digests. */
    void store(String logId, ViewDigest digest, String linksToken, String month, String body) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("insert into web_views (log_id, view_sha256, month, links_token,"
                    + " body) values (?, ?, ?, ?, ?) on conflict do nothing")) {
                s.setString(1, logId);
                s.setBytes(2, digest.sha256());
                s.setString(3, month);
                s.setString(4, linksToken);
                s.setString(5, body);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("delete from web_views where log_id = ? and view_sha256 not in"
                    + " (select view_sha256 from web_views where log_id = ? group by view_sha256"
                    + " order by max(created_at) desc limit " + DIGESTS_KEPT + ")")) {
                s.setString(1, logId);
                s.setString(2, logId);
                s.executeUpdate();
            }
            c.commit();
        }
    }

    /** The leaf index and leaf hash of each entry at {@code indexes} (ascending), in that order. */
    List<ViewDigest.Leaf> leaves(String logId, Collection<Long> indexes) throws SQLException {
        List<ViewDigest.Leaf> leaves = new ArrayList<>(indexes.size());
        List<Long> all = List.copyOf(indexes);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select entry_index, leaf_hash from entries"
                        + " where log_id = ? and entry_index = any (?) order by entry_index")) {
            for (int from = 0; from < all.size(); from += LEAVES_PER_QUERY) {
                List<Long> part = all.subList(from, Math.min(all.size(), from + LEAVES_PER_QUERY));
                Array array = c.createArrayOf("bigint", part.toArray());
                s.setString(1, logId);
                s.setArray(2, array);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        leaves.add(new ViewDigest.Leaf(r.getLong(1), r.getBytes(2)));
                    }
                }
                array.free();
            }
        }
        if (leaves.size() != all.size()) {
            throw new SQLException("log " + logId + " holds " + leaves.size() + " of the view's " + all.size() + " entries");
        }
        return leaves;
    }
}
