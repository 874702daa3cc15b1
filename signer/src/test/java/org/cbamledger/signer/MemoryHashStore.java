package org.cbamledger.signer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Test helper: an in-memory stored-hash log built with TreeHashes.storedHashes, counting reads. */
final class MemoryHashStore implements HashReader {
    final List<byte[]> stored = new ArrayList<>();
    final List<byte[]> leaves = new ArrayList<>();
    int calls;
    int hashesRead;

    void append(byte[] leafHash) throws IOException {
        long n = leaves.size();
        if (stored.size() != TreeHashes.storedHashIndex(0, n)) {
            throw new IllegalStateException("stored hash layout is off");
        }
        stored.addAll(TreeHashes.storedHashes(n, leafHash, this));
        leaves.add(leafHash);
    }

    void resetCounts() {
        calls = 0;
        hashesRead = 0;
    }

    @Override
    public List<byte[]> readHashes(long[] indexes) throws IOException {
        calls++;
        hashesRead += indexes.length;
        List<byte[]> out = new ArrayList<>();
        for (long index : indexes) {
            if (index >= stored.size()) {
                throw new IOException("no stored hash " + index);
            }
            out.add(stored.get((int) index));
        }
        return out;
    }

    /** RFC 9162 §2.1.1 MTH, computed directly from the leaves. */
    static byte[] referenceRoot(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return Merkle.emptyRoot();
        }
        if (leaves.size() == 1) {
            return leaves.getFirst();
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return Merkle.nodeHash(referenceRoot(leaves.subList(0, k)), referenceRoot(leaves.subList(k, leaves.size())));
    }
}
