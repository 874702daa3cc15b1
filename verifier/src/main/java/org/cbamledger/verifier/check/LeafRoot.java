package org.cbamledger.verifier.check;

import java.util.ArrayList;
import java.util.List;
import org.cbamledger.signer.Merkle;

/**
 * The RFC 9162 §2.1.1 tree hash of leaf hashes given in index order, in memory of O(log n): full subtrees are merged
 * as they complete, and the remaining ones are folded right to left at the end.
 */
final class LeafRoot {
    private final List<byte[]> hashes = new ArrayList<>();
    private final List<Long> sizes = new ArrayList<>();

    void add(byte[] leafHash) {
        hashes.add(leafHash);
        sizes.add(1L);
        while (sizes.size() >= 2 && sizes.get(sizes.size() - 1).equals(sizes.get(sizes.size() - 2))) {
            byte[] right = hashes.removeLast();
            long size = sizes.removeLast();
            hashes.add(Merkle.nodeHash(hashes.removeLast(), right));
            sizes.add(sizes.removeLast() + size);
        }
    }

    byte[] root() {
        if (hashes.isEmpty()) {
            return Merkle.emptyRoot();
        }
        byte[] root = hashes.getLast();
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = Merkle.nodeHash(hashes.get(i), root);
        }
        return root;
    }
}
