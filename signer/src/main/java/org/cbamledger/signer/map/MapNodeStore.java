package org.cbamledger.signer.map;

import java.util.List;
import java.util.Optional;

/**
 * Storage of a sparse Merkle map: its leaves (key to value hash) and the hashes of its branch nodes, the nodes
 * whose subtree holds two or more leaves. Empty subtrees and subtrees of one leaf are never stored: they are
 * computed. A node is named by its depth (0 = root) and the first key of its subtree. A PostgreSQL table with
 * (depth, prefix) as primary key and a leaf table ordered by key implement the same four ideas.
 */
public interface MapNodeStore {
    Optional<byte[]> valueHash(MapKey key);

    void putLeaf(MapKey key, byte[] valueHash);

    /** Up to {@code limit} leaf keys in [first, last], in key order. */
    List<MapKey> leavesBetween(MapKey first, MapKey last, int limit);

    Optional<byte[]> branchHash(int depth, MapKey subtreeFirst);

    void putBranch(int depth, MapKey subtreeFirst, byte[] hash);

    /** Number of leaves. */
    long size();
}
