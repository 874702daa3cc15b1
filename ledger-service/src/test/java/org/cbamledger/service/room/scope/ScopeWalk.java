package org.cbamledger.service.room.scope;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.service.statement.StoredStatement;

/**
 * The walk the room index replaced, kept as the tests' oracle: the whole log read into memory, and every entry
 * outside the room judged again in every round (whatever key is asked for, every entry is a candidate).
 */
final class ScopeWalk implements ScopeSource {
    /** A log's entries below a tree size, in index order. */
    @FunctionalInterface
    interface EntryScan {
        void forEach(Consumer<StoredEntry> each) throws SQLException;
    }

    private final List<ScopeEntry> all = new ArrayList<>();
    private final Map<Long, ScopeEntry> byIndex = new HashMap<>();
    private final Map<String, Long> indexByLeafHash = new HashMap<>();

    ScopeWalk(String logId, EntryScan entries) throws SQLException {
        entries.forEach(stored -> all.add(ScopeEntry.of(logId, stored)));
        for (ScopeEntry entry : all) {
            byIndex.put(entry.index(), entry);
            indexByLeafHash.putIfAbsent(entry.leafHashHex(), entry.index());
        }
    }

    static RoomSelection select(RoomDefinition room, EntryScan entries, List<StoredStatement> statements)
            throws SQLException {
        return RoomScope.select(room, new ScopeWalk(room.logId(), entries), statements);
    }

    @Override
    public Map<Long, ScopeEntry> at(Collection<Long> indexes) {
        Map<Long, ScopeEntry> found = new HashMap<>();
        for (long index : indexes) {
            if (byIndex.containsKey(index)) {
                found.put(index, byIndex.get(index));
            }
        }
        return found;
    }

    @Override
    public Long indexOfLeafHash(String leafHashHex) {
        return indexByLeafHash.get(leafHashHex);
    }

    @Override
    public Set<Long> under(Collection<String> keys) {
        return new TreeSet<>(byIndex.keySet());
    }

    @Override
    public Set<Long> holding(String ref) {
        Set<Long> holding = new TreeSet<>();
        for (ScopeEntry entry : all) {
            if (ScopeContext.refs(entry).contains(ref)) {
                holding.add(entry.index());
            }
        }
        return holding;
    }
}
