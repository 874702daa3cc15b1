package org.cbamledger.service.room.scope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The rooms' scope index in PostgreSQL (V64): each entry's {@link ScopeEntry} and the {@link ScopeKeys} it is found
 * under, written page by page with the log's entry index ({@link PageIndexer}), and read as a {@link ScopeSource}.
 */
public final class RoomIndexStore implements PageIndexer {
    private static final JsonMapper JSON = JsonMappers.PLAIN;

    private final DataSource dataSource;

    public RoomIndexStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void index(Connection c, String logId, List<StoredEntry> page) throws SQLException {
        try (PreparedStatement facts = c.prepareStatement("insert into room_index_entries (log_id, leaf_index, facts)"
                + " values (?, ?, ?) on conflict do nothing");
                PreparedStatement keys = c.prepareStatement("insert into room_index_keys (log_id, key, leaf_index)"
                        + " values (?, ?, ?) on conflict do nothing")) {
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
            }
            facts.executeBatch();
            keys.executeBatch();
        }
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
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("select leaf_index,"
                    + " facts from room_index_entries where log_id = ? and leaf_index = any (?) and leaf_index < ?")) {
                s.setString(1, logId);
                s.setArray(2, c.createArrayOf("bigint", indexes.toArray()));
                s.setLong(3, size);
                read(s).forEach(e -> found.put(e.index(), e));
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

        private List<ScopeEntry> read(PreparedStatement s) throws SQLException {
            List<ScopeEntry> found = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(ScopeEntry.fromJson(r.getLong(1), JSON.readTree(r.getString(2))));
                }
            }
            return found;
        }
    }
}
