package org.cbamledger.service.lease;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** One tenure of a log's write path: the holder and the fencing token it took the lease with. */
public record Lease(String logId, String holder, long fencingToken) {

    /**
     * Called first in every write-path transaction. The row lock (for share) makes a takeover, which updates the
     * row, wait until this transaction ended, and makes this transaction fail if the takeover came first: either
     * way the writes of a stale holder never commit after a newer holder began.
     */
    public void check(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select holder, fencing_token from log_leases where log_id = ? for share")) {
            s.setString(1, logId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next() || !r.getString(1).equals(holder) || r.getLong(2) != fencingToken) {
                    throw new LeaseLostException(this);
                }
            }
        }
    }
}
