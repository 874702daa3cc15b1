package org.cbamledger.service.room.scope;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import org.cbamledger.service.statement.StoredStatement;

/**
 * What a room exposes of its log: each entry's leaf index with why it is in the room (the first rule that took
 * it) and its kind (of the entry: {@code correction} for a correction), the statements the room covers, and the SHA-256 of the documents anchored by its entries that are not
 * erased.
 */
public record RoomSelection(SortedMap<Long, String> reasons, Map<Long, String> kinds, List<StoredStatement> statements,
        Set<String> documentSha256s) {

    public RoomSelection {
        reasons = Collections.unmodifiableNavigableMap(new TreeMap<>(reasons));
        kinds = Map.copyOf(kinds);
        statements = List.copyOf(statements);
        documentSha256s = Collections.unmodifiableSet(new LinkedHashSet<>(documentSha256s));
    }

    public boolean contains(long index) {
        return reasons.containsKey(index);
    }

    /** The leaf indexes of the room's entries of one kind (of the entry), ascending. */
    public List<Long> ofKind(String kind) {
        return indexes().stream().filter(i -> kind.equals(kinds.get(i))).toList();
    }

    /** The leaf indexes in the room, ascending: a view, not a copy (callers walk it once per request). */
    public SortedSet<Long> indexes() {
        return ((NavigableMap<Long, String>) reasons).navigableKeySet();
    }
}
