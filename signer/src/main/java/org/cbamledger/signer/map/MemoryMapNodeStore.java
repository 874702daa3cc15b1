package org.cbamledger.signer.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** The in-memory map store: a sorted map of leaves and a hash map of branch nodes (about one per leaf). */
public final class MemoryMapNodeStore implements MapNodeStore {
    private final NavigableMap<MapKey, byte[]> leaves = new TreeMap<>();
    private final Map<NodeId, byte[]> branches = new HashMap<>();

    private record NodeId(int depth, MapKey first) {}

    @Override
    public Optional<byte[]> valueHash(MapKey key) {
        return Optional.ofNullable(leaves.get(key)).map(byte[]::clone);
    }

    @Override
    public void putLeaf(MapKey key, byte[] valueHash) {
        leaves.put(key, valueHash.clone());
    }

    @Override
    public List<MapKey> leavesBetween(MapKey first, MapKey last, int limit) {
        List<MapKey> keys = new ArrayList<>(limit);
        for (MapKey key : leaves.subMap(first, true, last, true).keySet()) {
            if (keys.size() == limit) {
                break;
            }
            keys.add(key);
        }
        return keys;
    }

    @Override
    public Optional<byte[]> branchHash(int depth, MapKey subtreeFirst) {
        return Optional.ofNullable(branches.get(new NodeId(depth, subtreeFirst))).map(byte[]::clone);
    }

    @Override
    public void putBranch(int depth, MapKey subtreeFirst, byte[] hash) {
        branches.put(new NodeId(depth, subtreeFirst), hash.clone());
    }

    @Override
    public long size() {
        return leaves.size();
    }
}
