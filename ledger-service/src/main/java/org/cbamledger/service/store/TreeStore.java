package org.cbamledger.service.store;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.cbamledger.signer.HashReader;

/** The {@code tree_hashes} table in the tlog stored-hash layout: any proof reads O(log n) rows. */
public final class TreeStore {
    private final DataSource dataSource;

    public TreeStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A reader of the log's committed stored hashes. */
    public HashReader reader(String logId) {
        return indexes -> {
            try (Connection c = dataSource.getConnection()) {
                return read(c, logId, indexes);
            } catch (SQLException e) {
                throw new IOException("reading tree hashes of log " + logId + " failed", e);
            }
        };
    }

    /**
     * A reader over an in-memory copy of the first {@code count} stored hashes (all of a tree's hashes:
     * {@code TreeHashes.storedHashCount(size)}), for exports that prove many entries at once.
     */
    public HashReader snapshot(String logId, long count) throws SQLException {
        byte[][] hashes = new byte[Math.toIntExact(count)][];
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select hash_index, hash from tree_hashes where log_id = ? and hash_index < ?")) {
            s.setFetchSize(10_000);
            c.setAutoCommit(false);
            s.setString(1, logId);
            s.setLong(2, count);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    hashes[(int) r.getLong(1)] = r.getBytes(2);
                }
            }
            c.commit();
        }
        return indexes -> {
            List<byte[]> found = new ArrayList<>(indexes.length);
            for (long index : indexes) {
                if (index >= hashes.length || hashes[(int) index] == null) {
                    throw new IOException("tree hash " + index + " of log " + logId + " is missing");
                }
                found.add(hashes[(int) index]);
            }
            return found;
        };
    }

    public static List<byte[]> read(Connection c, String logId, long[] indexes) throws SQLException, IOException {
        Map<Long, byte[]> found = new HashMap<>();
        if (indexes.length > 0) {
            Long[] boxed = new Long[indexes.length];
            for (int i = 0; i < indexes.length; i++) {
                boxed[i] = indexes[i];
            }
            Array array = c.createArrayOf("bigint", boxed);
            try (PreparedStatement s = c.prepareStatement(
                    "select hash_index, hash from tree_hashes where log_id = ? and hash_index = any (?)")) {
                s.setString(1, logId);
                s.setArray(2, array);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.put(r.getLong(1), r.getBytes(2));
                    }
                }
            } finally {
                array.free();
            }
        }
        List<byte[]> hashes = new ArrayList<>(indexes.length);
        for (long index : indexes) {
            byte[] hash = found.get(index);
            if (hash == null) {
                throw new IOException("tree hash " + index + " of log " + logId + " is missing");
            }
            hashes.add(hash);
        }
        return hashes;
    }

    /** Idempotent: an integrator that crashed after writing hashes rewrites the same values. */
    public static void insert(Connection c, String logId, long firstIndex, List<byte[]> hashes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into tree_hashes (log_id, hash_index, hash)"
                + " values (?, ?, ?) on conflict do nothing")) {
            for (int i = 0; i < hashes.size(); i++) {
                s.setString(1, logId);
                s.setLong(2, firstIndex + i);
                s.setBytes(3, hashes.get(i));
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
