package org.cbamledger.signer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Java port of golang.org/x/mod/sumdb/tlog (tlog.go): the stored-hash layout of Crosby and
 * Wallach §3.3 and proofs built from O(log n) stored hashes read in one HashReader call. Differences:
 * the tree of size 0 has the RFC 9162 root SHA-256(""), not Go's all-zero hash, and proofs are
 * returned in RFC 9162 order (the same order Go uses).
 */
public final class TreeHashes {
    private TreeHashes() {}

    /** Level L's n'th hash is written right after level L+1's 2n+1'th hash. */
    public static long storedHashIndex(int level, long n) {
        for (int l = level; l > 0; l--) {
            n = 2 * n + 1;
        }
        long i = 0;
        for (; n > 0; n >>= 1) {
            i += n;
        }
        return i + level;
    }

    /** Number of stored hashes for a tree with n records. */
    public static long storedHashCount(long n) {
        if (n == 0) {
            return 0;
        }
        long count = storedHashIndex(0, n - 1) + 1;
        for (long i = n - 1; (i & 1) != 0; i >>= 1) {
            count++;
        }
        return count;
    }

    /** The hashes to append, starting at storedHashIndex(0, n), when writing record n. */
    public static List<byte[]> storedHashes(long n, byte[] leafHash, HashReader r) throws IOException {
        List<byte[]> hashes = new ArrayList<>();
        hashes.add(leafHash);
        // Each trailing 1 bit of n completes a subtree and consumes a hash from an adjacent subtree.
        int m = Long.numberOfTrailingZeros(n + 1);
        long[] indexes = new long[m];
        for (int i = 0; i < m; i++) {
            indexes[m - 1 - i] = storedHashIndex(i, (n >> i) - 1);
        }
        List<byte[]> old = read(r, indexes);
        byte[] h = leafHash;
        for (int i = 0; i < m; i++) {
            h = Merkle.nodeHash(old.get(m - 1 - i), h);
            hashes.add(h);
        }
        return hashes;
    }

    /** Root hash of the tree of the first treeSize records; one HashReader call for at most 1 + log2 n hashes. */
    public static byte[] treeHash(long treeSize, HashReader r) throws IOException {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size " + treeSize + " is negative");
        }
        if (treeSize == 0) {
            return Merkle.emptyRoot();
        }
        List<Long> need = new ArrayList<>();
        subTreeIndex(0, treeSize, need);
        Cursor hashes = new Cursor(read(r, toArray(need)));
        byte[] hash = subTreeHash(0, treeSize, hashes);
        hashes.requireConsumed();
        return hash;
    }

    /** RFC 9162 §2.1.3.1 inclusion proof of record index in the tree of size treeSize. */
    public static List<byte[]> proveInclusion(long treeSize, long index, HashReader r) throws IOException {
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("leaf index " + index + " is not less than tree size " + treeSize);
        }
        List<Long> need = new ArrayList<>();
        leafProofIndex(0, treeSize, index, need);
        if (need.isEmpty()) {
            return List.of();
        }
        Cursor hashes = new Cursor(read(r, toArray(need)));
        List<byte[]> proof = new ArrayList<>();
        leafProof(0, treeSize, index, hashes, proof);
        hashes.requireConsumed();
        return proof;
    }

    /** RFC 9162 §2.1.4.1 consistency proof from oldSize to newSize (1 <= oldSize <= newSize). */
    public static List<byte[]> proveConsistency(long newSize, long oldSize, HashReader r) throws IOException {
        if (oldSize < 1 || oldSize > newSize) {
            throw new IllegalArgumentException(
                    "consistency proof needs 1 <= old size <= new size, got " + oldSize + " and " + newSize);
        }
        List<Long> need = new ArrayList<>();
        treeProofIndex(0, newSize, oldSize, need);
        if (need.isEmpty()) {
            return List.of();
        }
        Cursor hashes = new Cursor(read(r, toArray(need)));
        List<byte[]> proof = new ArrayList<>();
        treeProof(0, newSize, oldSize, hashes, proof);
        hashes.requireConsumed();
        return proof;
    }

    /** The largest power of two smaller than n (n > 1), as in Go's maxpow2. */
    private static long maxPow2(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static void subTreeIndex(long lo, long hi, List<Long> need) {
        while (lo < hi) {
            long k = maxPow2(hi - lo + 1);
            int level = Long.numberOfTrailingZeros(k);
            if ((lo & (k - 1)) != 0) {
                throw new IllegalStateException("tlog: bad math in subTreeIndex");
            }
            need.add(storedHashIndex(level, lo >> level));
            lo += k;
        }
    }

    private static byte[] subTreeHash(long lo, long hi, Cursor hashes) {
        List<byte[]> parts = new ArrayList<>();
        while (lo < hi) {
            long k = maxPow2(hi - lo + 1);
            parts.add(hashes.next());
            lo += k;
        }
        byte[] h = parts.getLast();
        for (int i = parts.size() - 2; i >= 0; i--) {
            h = Merkle.nodeHash(parts.get(i), h);
        }
        return h;
    }

    private static void leafProofIndex(long lo, long hi, long n, List<Long> need) {
        if (lo + 1 == hi) {
            return;
        }
        long k = maxPow2(hi - lo);
        if (n < lo + k) {
            leafProofIndex(lo, lo + k, n, need);
            subTreeIndex(lo + k, hi, need);
        } else {
            subTreeIndex(lo, lo + k, need);
            leafProofIndex(lo + k, hi, n, need);
        }
    }

    private static void leafProof(long lo, long hi, long n, Cursor hashes, List<byte[]> proof) {
        if (lo + 1 == hi) {
            return;
        }
        long k = maxPow2(hi - lo);
        byte[] sibling;
        if (n < lo + k) {
            leafProof(lo, lo + k, n, hashes, proof);
            sibling = subTreeHash(lo + k, hi, hashes);
        } else {
            sibling = subTreeHash(lo, lo + k, hashes);
            leafProof(lo + k, hi, n, hashes, proof);
        }
        proof.add(sibling);
    }

    private static void treeProofIndex(long lo, long hi, long n, List<Long> need) {
        if (n == hi) {
            if (lo != 0) {
                subTreeIndex(lo, hi, need);
            }
            return;
        }
        long k = maxPow2(hi - lo);
        if (n <= lo + k) {
            treeProofIndex(lo, lo + k, n, need);
            subTreeIndex(lo + k, hi, need);
        } else {
            subTreeIndex(lo, lo + k, need);
            treeProofIndex(lo + k, hi, n, need);
        }
    }

    private static void treeProof(long lo, long hi, long n, Cursor hashes, List<byte[]> proof) {
        if (n == hi) {
            if (lo != 0) {
                proof.add(subTreeHash(lo, hi, hashes));
            }
            return;
        }
        long k = maxPow2(hi - lo);
        byte[] sibling;
        if (n <= lo + k) {
            treeProof(lo, lo + k, n, hashes, proof);
            sibling = subTreeHash(lo + k, hi, hashes);
        } else {
            sibling = subTreeHash(lo, lo + k, hashes);
            treeProof(lo + k, hi, n, hashes, proof);
        }
        proof.add(sibling);
    }

    private static List<byte[]> read(HashReader r, long[] indexes) throws IOException {
        if (indexes.length == 0) {
            return List.of();
        }
        List<byte[]> hashes = r.readHashes(indexes);
        if (hashes.size() != indexes.length) {
            throw new IOException("tlog: readHashes(" + indexes.length + " indexes) = " + hashes.size() + " hashes");
        }
        for (byte[] hash : hashes) {
            if (hash == null || hash.length != Merkle.HASH_BYTES) {
                throw new IOException("tlog: readHashes returned a hash that is not 32 bytes");
            }
        }
        return hashes;
    }

    private static long[] toArray(List<Long> values) {
        long[] out = new long[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static final class Cursor {
        private final List<byte[]> hashes;
        private int next;

        Cursor(List<byte[]> hashes) {
            this.hashes = hashes;
        }

        byte[] next() {
            return hashes.get(next++);
        }

        void requireConsumed() {
            if (next != hashes.size()) {
                throw new IllegalStateException("tlog: bad index math");
            }
        }
    }
}
