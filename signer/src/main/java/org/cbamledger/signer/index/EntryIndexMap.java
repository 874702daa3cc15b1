package org.cbamledger.signer.index;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cbamledger.signer.map.MemoryMapNodeStore;
import org.cbamledger.signer.map.SparseMerkleMap;
import tools.jackson.databind.JsonNode;

/**
 * A log's verifiable index over its entries [0, S): a sparse Merkle map (signer map hashing) from each
 * {@link IndexKey} to its {@link IndexValue}. Built in memory: a log has one key per installation, kind and month.
 */
public final class EntryIndexMap {
    private final SparseMerkleMap map = new SparseMerkleMap(new MemoryMapNodeStore());
    private final Map<String, IndexValue> values = new TreeMap<>();

    /** @param leavesByKey the leaf indexes under each key */
    public EntryIndexMap(Map<IndexKey, ? extends SortedSet<Long>> leavesByKey) {
        leavesByKey.forEach((key, leaves) -> {
            IndexValue value = new IndexValue(key, List.copyOf(leaves));
            values.put(key.text(), value);
            map.put(key.mapKey(), value.valueHash());
        });
    }

    public byte[] rootHash() {
        return map.rootHash();
    }

    public int size() {
        return values.size();
    }

    /** The key's leaves (none for a key not in the map) with the proof of that against {@link #rootHash()}. */
    public IndexProof prove(IndexKey key) {
        IndexValue value = values.get(key.text());
        return new IndexProof(value == null ? new IndexValue(key, List.of()) : value, map.prove(key.mapKey()));
    }

    /** Builds the index of records given by leaf index: each record under {@link IndexKeys#of}. */
    public static Map<IndexKey, SortedSet<Long>> group(Map<Long, ? extends JsonNode> records) {
        Map<IndexKey, SortedSet<Long>> grouped = new TreeMap<>(Comparator.comparing(IndexKey::text));
        records.forEach((index, record) -> {
            for (IndexKey key : IndexKeys.of(record)) {
                grouped.computeIfAbsent(key, k -> new TreeSet<>()).add(index);
            }
        });
        return grouped;
    }
}
