package org.cbamledger.service.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.sql.Array;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** The {@code device_batches} table: which leaf holds each (device, sequence) of meter-reading batches. */
public final class DeviceStore {
    private final DataSource dataSource;

    public DeviceStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The indexes of the leaves already holding any of these device batches, in one query. */
    public static Map<DeviceBatch, Long> entryIndexesOf(Connection c, String logId, Collection<DeviceBatch> batches)
            throws SQLException {
        Map<DeviceBatch, Long> found = new HashMap<>();
        if (batches.isEmpty()) {
            return found;
        }
        Array devices = c.createArrayOf("text", batches.stream().map(DeviceBatch::deviceId).toArray());
        Array sequences = c.createArrayOf("bigint", batches.stream().map(DeviceBatch::sequence).toArray());
        try (PreparedStatement s = c.prepareStatement("select b.device_id, b.sequence, b.entry_index"
                + " from device_batches b join unnest(?::text[], ?::bigint[]) as wanted (device_id, sequence)"
                + " on b.device_id = wanted.device_id and b.sequence = wanted.sequence where b.log_id = ?")) {
            s.setArray(1, devices);
            s.setArray(2, sequences);
            s.setString(3, logId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.put(new DeviceBatch(r.getString(1), r.getLong(2)), r.getLong(3));
                }
            }
        } finally {
            devices.free();
            sequences.free();
        }
        return found;
    }

    /** Stores the planned device batches: batch to entry index, with each entry's leaf hash. */
    public static void insert(Connection c, String logId, Map<DeviceBatch, StoredEntry> batches) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into device_batches"
                + " (log_id, device_id, sequence, entry_index, leaf_hash) values (?, ?, ?, ?, ?)")) {
            for (Map.Entry<DeviceBatch, StoredEntry> b : batches.entrySet()) {
                s.setString(1, logId);
                s.setString(2, b.getKey().deviceId());
                s.setLong(3, b.getKey().sequence());
                s.setLong(4, b.getValue().index());
                s.setBytes(5, b.getValue().leafHash());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Holes in the device's numbering up to the highest sequence it has sent; numbering starts at 0. */
    public List<GapRange> gaps(String logId, String deviceId) throws SQLException {
        List<GapRange> gaps = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select previous + 1, sequence - 1, entry_index from ("
                        + " select sequence, entry_index, coalesce(lag(sequence) over (order by sequence), -1) as previous"
                        + " from device_batches where log_id = ? and device_id = ?) numbered"
                        + " where sequence > previous + 1 order by sequence")) {
            s.setString(1, logId);
            s.setString(2, deviceId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    gaps.add(new GapRange(r.getLong(1), r.getLong(2), r.getLong(3)));
                }
            }
        }
        return gaps;
    }

    /** Number of batches the device has in the log. */
    public long batchCount(String logId, String deviceId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select count(*) from device_batches where log_id = ? and device_id = ?")) {
            s.setString(1, logId);
            s.setString(2, deviceId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
