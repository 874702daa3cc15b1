package org.cbamledger.service.room.scope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.cbamledger.service.index.PageIndexer;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rooms' scope index in PostgreSQL (V64): each entry's {@link ScopeEntry} and the {@link ScopeKeys} it is found
 * under, written page by page with the log's entry index ({@link PageIndexer}), and read as a {@link ScopeSource}.
 */
public final class RoomIndexStore implements PageIndexer {
    private static final JsonMapper JSON = JsonMappers.PLAIN;
    /** At least this many indexes, filling a quarter of their range, are read by a range scan. */
    private static final int DENSE_MIN = 1_000;
    private static final int FETCH = 5_000;

    private final DataSource dataSource;

    public RoomIndexStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void index(Connection c, String logId, List<StoredEntry> page) throws SQLException {
        try (PreparedStatement facts = c.prepareStatement("insert into room_index_entries (log_id, leaf_index, facts)"
                + " values (?, ?, ?) on conflict do nothing");
                PreparedStatement keys = c.prepareStatement("insert into room_index_keys (log_id, key, leaf_index)"
                        + " values (?, ?, ?) on conflict do nothing");
                PreparedStatement readings = c.prepareStatement("insert into room_index_readings (log_id, meter_id,"
                        + " first_day, last_day, leaf_index, signers) values (?, ?, ?, ?, ?, ?) on conflict do nothing")) {
            for (StoredEntry stored : page) {
                ScopeEntry entry = ScopeEntry.of(logId, stored);
                facts.setString(1, logId);
                facts.setLong(2, entry.index());
                facts.setString(3, entry.toJson());
                facts.addBatch();
                for (String key : ScopeKeys.of(entry)) {
                    keys.setString(1, logId);
                    keys.setString(2, key);
                    keys.setLong(3, entry.index());
                    keys.addBatch();
                }
                String meterId = readingsMeter(entry);
                for (long[] span : meterId == null ? List.<long[]>of() : entry.series().spans()) {
                    readings.setString(1, logId);
                    readings.setString(2, meterId);
                    readings.setLong(3, span[0]);
                    readings.setLong(4, span[1]);
                    readings.setLong(5, entry.index());
                    readings.setArray(6, c.createArrayOf("text", entry.signerKeyIds().toArray()));
                    readings.addBatch();
                }
            }
            facts.executeBatch();
            keys.executeBatch();
            readings.executeBatch();
        }
    }

    /**
     * The meter of a reading batch the readings rule judges by its days alone (not a correction, a meter named,
     * intervals that must lie inside the period), found in bulk ({@link ScopeSource#readings}); null for any other
     * entry.
     */
    private static String readingsMeter(ScopeEntry entry) {
        boolean reading = !entry.isCorrection() && entry.kind().equals(Kinds.METER_READING_BATCH)
                && entry.series() != null && !entry.series().overlapping();
        return reading ? entry.text("/meterId") : null;
    }

    /** The log's entries below {@code size}, as the scope rules look them up. */
    public ScopeSource source(String logId, long size) {
        return new Source(logId, size);
    }

    private final class Source implements ScopeSource {
        private final String logId;
        private final long size;

        Source(String logId, long size) {
            this.logId = logId;
            this.size = size;
        }

        @Override
        public Map<Long, ScopeEntry> at(Collection<Long> indexes) throws SQLException {
            Map<Long, ScopeEntry> found = new HashMap<>();
            if (indexes.isEmpty()) {
                return found;
            }
            long first = Collections.min(indexes);
            long last = Collections.max(indexes);
            if (indexes.size() >= DENSE_MIN && indexes.size() * 4L >= last - first + 1) {
                return dense(indexes instanceof Set<Long> set ? set : new HashSet<>(indexes), first, last);
            }
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("select leaf_index,"
                    + " facts from room_index_entries where log_id = ? and leaf_index = any (?) and leaf_index < ?")) {
                s.setString(1, logId);
                s.setArray(2, c.createArrayOf("bigint", indexes.toArray()));
                s.setLong(3, size);
                read(s, found, null);
            }
            return found;
        }

        /**
         * Indexes that fill a good part of their range (a room's first round finds nearly the whole log) are read in
         * one scan of the range, streamed, the rows in between skipped unparsed: a lookup per index cost PostgreSQL
         * 3.3 s for 184k indexes where the scan takes 0.14 s (EXPLAIN ANALYZE, BENCHMARKS.md).
         */
        private Map<Long, ScopeEntry> dense(Set<Long> indexes, long first, long last) throws SQLException {
            Map<Long, ScopeEntry> found = new HashMap<>();
            try (Connection c = dataSource.getConnection()) {
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false); // the driver streams a result (fetch size) only inside a transaction
                try (PreparedStatement s = c.prepareStatement("select leaf_index, facts from room_index_entries"
                        + " where log_id = ? and leaf_index between ? and ? and leaf_index < ?")) {
                    s.setFetchSize(FETCH);
                    s.setString(1, logId);
                    s.setLong(2, first);
                    s.setLong(3, last);
                    s.setLong(4, size);
                    read(s, found, indexes);
                } finally {
                    c.commit();
                    c.setAutoCommit(autoCommit);
                }
            }
            return found;
        }

        @Override
        public Long indexOfLeafHash(String leafHashHex) throws SQLException {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("select entry_index"
                    + " from entries where log_id = ? and leaf_hash = ? and entry_index < ? order by entry_index limit 1")) {
                s.setString(1, logId);
                s.setBytes(2, HexFormat.of().parseHex(leafHashHex));
                s.setLong(3, size);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getLong(1) : null;
                }
            } catch (IllegalArgumentException notHex) {
                return null;
            }
        }

        @Override
        public Set<Long> under(Collection<String> keys) throws SQLException {
            Set<Long> found = new HashSet<>();
            if (keys.isEmpty()) {
                return found;
            }
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("select leaf_index"
                    + " from room_index_keys where log_id = ? and key = any (?) and leaf_index < ?")) {
                s.setString(1, logId);
                s.setArray(2, c.createArrayOf("text", keys.toArray()));
                s.setLong(3, size);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(r.getLong(1));
                    }
                }
            }
            return found;
        }

        @Override
        public Set<Long> holding(String ref) throws SQLException {
            return under(List.of(ScopeKeys.ref(ref)));
        }

        @Override
        public ScopeReadings readings(Collection<String> meterIds, LocalDate from, LocalDate to) throws SQLException {
            String found = " from room_index_readings where log_id = ? and meter_id = any (?) and first_day >= ?"
                    + " and last_day <= ? and leaf_index < ?";
            List<Long> indexes = new ArrayList<>();
            List<String> meters = new ArrayList<>();
            Set<String> signers = new HashSet<>();
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = c.prepareStatement("select distinct leaf_index, meter_id" + found
                            + " order by leaf_index");
                    PreparedStatement k = c.prepareStatement("select distinct unnest(signers)" + found)) {
                for (PreparedStatement q : List.of(s, k)) {
                    q.setString(1, logId);
                    q.setArray(2, c.createArrayOf("text", meterIds.toArray()));
                    q.setLong(3, from.toEpochDay());
                    q.setLong(4, to.toEpochDay());
                    q.setLong(5, size);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        indexes.add(r.getLong(1));
                        meters.add(r.getString(2));
                    }
                }
                try (ResultSet r = k.executeQuery()) {
                    while (r.next()) {
                        signers.add(r.getString(1));
                    }
                }
            }
            return new ScopeReadings(indexes.stream().mapToLong(Long::longValue).toArray(), meters.toArray(String[]::new),
                    signers);
        }

        /** The rows' entries into {@code found}; with {@code only}, those at its indexes alone. */
        private void read(PreparedStatement s, Map<Long, ScopeEntry> found, Set<Long> only) throws SQLException {
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long index = r.getLong(1);
                    if (only == null || only.contains(index)) {
                        found.put(index, ScopeEntry.fromJson(index, JSON.readTree(r.getString(2))));
                    }
                }
            }
        }
    }
}
