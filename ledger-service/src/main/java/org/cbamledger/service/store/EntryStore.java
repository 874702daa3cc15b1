package org.cbamledger.service.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code entries} table: sequenced envelopes by index and by leaf hash. */
public final class EntryStore {
    private final DataSource dataSource;

    public EntryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<StoredEntry> byIndex(String logId, long index) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select entry_index, leaf_hash, kind, envelope from entries where log_id = ? and entry_index = ?")) {
            s.setString(1, logId);
            s.setLong(2, index);
            return first(s);
        }
    }

    public Optional<StoredEntry> byLeafHash(String logId, byte[] leafHash) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select entry_index, leaf_hash, kind, envelope from entries where log_id = ? and leaf_hash = ?")) {
            s.setString(1, logId);
            s.setBytes(2, leafHash);
            return first(s);
        }
    }

    /** Entries with {@code from <= index < to}, in index order. */
    public List<StoredEntry> range(String logId, long from, long to) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return range(c, logId, from, to);
        }
    }

    public static List<StoredEntry> range(Connection c, String logId, long from, long to) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select entry_index, leaf_hash, kind, envelope from entries"
                + " where log_id = ? and entry_index >= ? and entry_index < ? order by entry_index")) {
            s.setString(1, logId);
            s.setLong(2, from);
            s.setLong(3, to);
            return all(s);
        }
    }

    /** Entries of the given kinds below {@code size}, in index order. */
    public List<StoredEntry> ofKinds(String logId, java.util.Set<String> kinds, long size) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select entry_index, leaf_hash, kind, envelope from entries"
                        + " where log_id = ? and kind = any (?) and entry_index < ? order by entry_index")) {
            Array array = c.createArrayOf("text", kinds.toArray());
            s.setString(1, logId);
            s.setArray(2, array);
            s.setLong(3, size);
            return all(s);
        }
    }

    /** Leaf hashes (hex) of the given ones already in the log, with their indexes. */
    public static Map<String, Long> indexesOf(Connection c, String logId, List<byte[]> leafHashes) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        Array array = c.createArrayOf("bytea", leafHashes.toArray(new byte[0][]));
        try (PreparedStatement s = c.prepareStatement(
                "select leaf_hash, entry_index from entries where log_id = ? and leaf_hash = any (?)")) {
            s.setString(1, logId);
            s.setArray(2, array);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.put(HexFormat.of().formatHex(r.getBytes(1)), r.getLong(2));
                }
            }
        } finally {
            array.free();
        }
        return found;
    }

    public static void insert(Connection c, String logId, List<StoredEntry> entries) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "insert into entries (log_id, entry_index, leaf_hash, kind, envelope) values (?, ?, ?, ?, ?)")) {
            for (StoredEntry e : entries) {
                s.setString(1, logId);
                s.setLong(2, e.index());
                s.setBytes(3, e.leafHash());
                s.setString(4, e.kind());
                s.setBytes(5, e.envelope());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Leaf hashes of the entries with {@code from <= index < to}, in index order. */
    public static List<byte[]> leafHashes(Connection c, String logId, long from, long to) throws SQLException {
        List<byte[]> hashes = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select entry_index, leaf_hash from entries"
                + " where log_id = ? and entry_index >= ? and entry_index < ? order by entry_index")) {
            s.setString(1, logId);
            s.setLong(2, from);
            s.setLong(3, to);
            try (ResultSet r = s.executeQuery()) {
                long expected = from;
                while (r.next()) {
                    if (r.getLong(1) != expected) {
                        throw new SQLException("entry " + expected + " of log " + logId + " is missing");
                    }
                    hashes.add(r.getBytes(2));
                    expected++;
                }
            }
        }
        return hashes;
    }

    private static Optional<StoredEntry> first(PreparedStatement s) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(entry(r)) : Optional.empty();
        }
    }

    private static List<StoredEntry> all(PreparedStatement s) throws SQLException {
        List<StoredEntry> entries = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                entries.add(entry(r));
            }
        }
        return entries;
    }

    /** A row of {@code select entry_index, leaf_hash, kind, envelope}. */
    private static StoredEntry entry(ResultSet r) throws SQLException {
        return new StoredEntry(r.getLong(1), r.getBytes(2), r.getString(3), r.getBytes(4));
    }
}
