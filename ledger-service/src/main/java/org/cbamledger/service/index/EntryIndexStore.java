package org.cbamledger.service.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.cbamledger.service.store.EntryStore;
import org.cbamledger.service.store.OpenedEnvelope;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.signer.index.IndexKey;
import org.cbamledger.signer.index.IndexKeys;
import tools.jackson.core.JacksonException;

/**
 * The index rows of a log in PostgreSQL (V30): filled from the sequenced entries, read per key or whole; the other
 * indexes kept from the same entries ({@link PageIndexer}) are filled page by page with it.
 */
public final class EntryIndexStore {
    private static final int PAGE = 1_000;

    /** How far the index is filled, and the latest index-commitment (its size and leaf index, -1 for none). */
    public record State(long indexedSize, long committedSize, long commitmentIndex) {}

    private final DataSource dataSource;
    private final EntryStore entries;
    private final List<PageIndexer> alongside;

    /** {@code alongside}: the other indexes filled from the same pages, in the same transactions. */
    public EntryIndexStore(DataSource dataSource, EntryStore entries, List<PageIndexer> alongside) {
        this.dataSource = dataSource;
        this.entries = entries;
        this.alongside = List.copyOf(alongside);
    }

    public State state(String logId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select indexed_size, committed_size, commitment_index from entry_index_state where log_id = ?")) {
            s.setString(1, logId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return new State(0, -1, -1);
                }
                long committed = r.getLong(2);
                return new State(r.getLong(1), r.wasNull() ? -1 : committed,
                        r.getObject(3) == null ? -1 : r.getLong(3));
            }
        }
    }

    /** Indexes the entries from where the index stopped up to {@code size}, a page per transaction. */
    public void catchUp(String logId, long size) throws SQLException {
        for (long from = state(logId).indexedSize(); from < size; from = Math.min(size, from + PAGE)) {
            List<StoredEntry> page = entries.range(logId, from, Math.min(size, from + PAGE));
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement("insert into entry_index (log_id, installation_id,"
                        + " kind, month, leaf_index) values (?, ?, ?, ?, ?) on conflict do nothing")) {
                    for (StoredEntry e : page) {
                        for (IndexKey key : keysOf(e)) {
                            insert.setString(1, logId);
                            insert.setString(2, key.installationId());
                            insert.setString(3, key.kind());
                            insert.setString(4, key.month().toString());
                            insert.setLong(5, e.index());
                            insert.addBatch();
                        }
                    }
                    insert.executeBatch();
                }
                for (PageIndexer indexer : alongside) {
                    indexer.index(c, logId, page);
                }
                setIndexedSize(c, logId, Math.min(size, from + PAGE));
                c.commit();
            }
        }
    }

    /** True when an entry at or after {@code size} is indexed: the index changed since a commitment of that size. */
    public boolean changedSince(String logId, long size) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select 1 from entry_index where log_id = ? and leaf_index >= ? limit 1")) {
            s.setString(1, logId);
            s.setLong(2, size);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    /** Every key of the log with its leaves below {@code size}. */
    public Map<IndexKey, SortedSet<Long>> below(String logId, long size) throws SQLException {
        Map<IndexKey, SortedSet<Long>> keys = new TreeMap<>(Comparator.comparing(IndexKey::text));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("select installation_id,"
                + " kind, month, leaf_index from entry_index where log_id = ? and leaf_index < ?")) {
            s.setString(1, logId);
            s.setLong(2, size);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    IndexKey key = new IndexKey(r.getString(1), r.getString(2), YearMonth.parse(r.getString(3)));
                    keys.computeIfAbsent(key, k -> new TreeSet<>()).add(r.getLong(4));
                }
            }
        }
        return keys;
    }

    public void recordCommitment(String logId, long committedSize, long commitmentIndex) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update entry_index_state set committed_size = ?, commitment_index = ? where log_id = ?")) {
            s.setLong(1, committedSize);
            s.setLong(2, commitmentIndex);
            s.setString(3, logId);
            s.executeUpdate();
        }
    }


    private static void setIndexedSize(Connection c, String logId, long size) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into entry_index_state (log_id, indexed_size) values (?, ?)"
                + " on conflict (log_id) do update set indexed_size = greatest(entry_index_state.indexed_size,"
                + " excluded.indexed_size)")) {
            s.setString(1, logId);
            s.setLong(2, size);
            s.executeUpdate();
        }
    }

    private static List<IndexKey> keysOf(StoredEntry e) throws SQLException {
        if (!IndexKeys.indexes(e.kind())) {
            // the stored kind is the record's (Envelope.parse checked them equal when it was appended)
            return List.of();
        }
        try {
            // validating the envelope again took about a fifth of the service's CPU during a plant's year of ingest
            return IndexKeys.of(JsonMappers.PLAIN.readTree(OpenedEnvelope.of(e).payload()));
        } catch (JacksonException | IllegalArgumentException ex) {
            throw new SQLException("stored entry " + e.index() + " does not parse", ex);
        }
    }
}
