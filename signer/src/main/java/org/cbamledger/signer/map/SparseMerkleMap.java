package org.cbamledger.signer.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A sparse Merkle tree of depth 256 (hashing in {@link MapHashes}) over a {@link MapNodeStore}. Only branch
 * nodes are stored; an insert reads one sibling per level and hashes at most about 512 times.
 */
public final class SparseMerkleMap {
    private static final MapKey ZERO = new MapKey(new byte[MapHashes.HASH_BYTES]);
    private final MapNodeStore store;

    public SparseMerkleMap(MapNodeStore store) {
        this.store = store;
    }

    public byte[] rootHash() {
        return hash(0, ZERO);
    }

    public long size() {
        return store.size();
    }

    public Optional<byte[]> valueHash(MapKey key) {
        return store.valueHash(key);
    }

    /** Sets the value hash of a key (inserting or replacing) and rehashes the key's path. */
    public void put(MapKey key, byte[] valueHash) {
        if (valueHash.length != MapHashes.HASH_BYTES) {
            throw new IllegalArgumentException("a value hash is 32 bytes");
        }
        store.putLeaf(key, valueHash);
        byte[] carry = MapHashes.leafHash(key.bytes(), valueHash);
        boolean carryIsBranch = false;
        for (int depth = MapHashes.DEPTH - 1; depth >= 0; depth--) {
            int bit = key.bit(depth);
            MapKey siblingFirst = key.withBit(depth, 1 - bit).subtreeFirst(depth + 1);
            Subtree sibling = subtree(depth + 1, siblingFirst);
            carry = bit == 0 ? MapHashes.nodeHash(carry, sibling.hash) : MapHashes.nodeHash(sibling.hash, carry);
            carryIsBranch = carryIsBranch || sibling.leaves > 0;
            if (carryIsBranch) {
                store.putBranch(depth, key.subtreeFirst(depth), carry);
            }
        }
    }

    /** The proof for a key, of inclusion when the key is in the map, of non-inclusion when it is not. */
    public MapProof prove(MapKey key) {
        List<byte[]> siblings = new ArrayList<>(MapHashes.DEPTH);
        for (int depth = 0; depth < MapHashes.DEPTH; depth++) {
            MapKey siblingFirst = key.withBit(depth, 1 - key.bit(depth)).subtreeFirst(depth + 1);
            siblings.add(subtree(depth + 1, siblingFirst).hash);
        }
        return MapProof.of(key, siblings);
    }

    private byte[] hash(int depth, MapKey first) {
        return subtree(depth, first).hash;
    }

    private record Subtree(int leaves, byte[] hash) {}

    /** The subtree at depth with its first key: leaves counted up to 2 (0, 1, or "two or more") and its hash. */
    private Subtree subtree(int depth, MapKey first) {
        List<MapKey> keys = store.leavesBetween(first, first.subtreeLast(depth), 2);
        if (keys.isEmpty()) {
            return new Subtree(0, MapHashes.emptyHashShared(MapHashes.DEPTH - depth));
        }
        if (keys.size() == 1) {
            return new Subtree(1, singleLeafHash(keys.getFirst(), depth));
        }
        byte[] stored = store.branchHash(depth, first)
                .orElseThrow(() -> new IllegalStateException("map store lacks the branch at depth " + depth + " " + first));
        return new Subtree(2, stored);
    }

    private byte[] singleLeafHash(MapKey key, int depth) {
        byte[] h = MapHashes.leafHash(key.bytes(), store.valueHash(key).orElseThrow());
        for (int d = MapHashes.DEPTH - 1; d >= depth; d--) {
            byte[] empty = MapHashes.emptyHashShared(MapHashes.DEPTH - 1 - d);
            h = key.bit(d) == 0 ? MapHashes.nodeHash(h, empty) : MapHashes.nodeHash(empty, h);
        }
        return h;
    }
}
