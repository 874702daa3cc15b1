package org.cbamledger.signer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TreeHashesTest {
    private static final int MAX_SIZE = 64;
    private static final MemoryHashStore STORE = new MemoryHashStore();

    @BeforeAll
    static void buildLog() throws IOException {
        for (int i = 0; i < MAX_SIZE; i++) {
            STORE.append(Merkle.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void storedHashIndex_followsGoLayout() {
        // golang.org/x/mod/sumdb/tlog: leaves 0,1 then node (1,0), leaf 2, leaf 3, (1,1), (2,0), ...
        assertEquals(0, TreeHashes.storedHashIndex(0, 0));
        assertEquals(1, TreeHashes.storedHashIndex(0, 1));
        assertEquals(2, TreeHashes.storedHashIndex(1, 0));
        assertEquals(3, TreeHashes.storedHashIndex(0, 2));
        assertEquals(4, TreeHashes.storedHashIndex(0, 3));
        assertEquals(5, TreeHashes.storedHashIndex(1, 1));
        assertEquals(6, TreeHashes.storedHashIndex(2, 0));
        assertEquals(7, TreeHashes.storedHashIndex(0, 4));
        assertEquals(0, TreeHashes.storedHashCount(0));
        assertEquals(1, TreeHashes.storedHashCount(1));
        assertEquals(3, TreeHashes.storedHashCount(2));
        assertEquals(7, TreeHashes.storedHashCount(4));
        assertEquals(2 * 1024 - 1, TreeHashes.storedHashCount(1024));
    }

    @Test
    void storedHashCount_matchesAppendedHashes() {
        assertEquals(TreeHashes.storedHashCount(MAX_SIZE), STORE.stored.size());
    }

    @Test
    void treeHash_equalsRfc9162RootForEverySize() throws IOException {
        for (int size = 0; size <= MAX_SIZE; size++) {
            STORE.resetCounts();
            byte[] root = TreeHashes.treeHash(size, STORE);
            assertArrayEquals(MemoryHashStore.referenceRoot(STORE.leaves.subList(0, size)), root, "size " + size);
            assertTrue(STORE.calls <= 1 && STORE.hashesRead <= 1 + log2(size), "size " + size);
        }
    }

    @Test
    void emptyRoot_isSha256OfNothing() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                HexFormat.of().formatHex(Merkle.emptyRoot()));
    }

    @Test
    void inclusionProofs_verifyForEverySizeAndIndex() throws IOException, ProofException {
        for (int size = 1; size <= MAX_SIZE; size++) {
            byte[] root = TreeHashes.treeHash(size, STORE);
            for (int index = 0; index < size; index++) {
                STORE.resetCounts();
                List<byte[]> proof = TreeHashes.proveInclusion(size, index, STORE);
                assertTrue(STORE.calls <= 1 && STORE.hashesRead <= 2 * (1 + log2(size)), size + "/" + index);
                InclusionProofVerifier.verify(index, size, STORE.leaves.get(index), proof, root);
            }
        }
    }

    @Test
    void inclusionProofs_failForEveryOtherLeafAndEveryFlippedHash() throws IOException {
        for (int size = 1; size <= MAX_SIZE; size += 7) {
            byte[] root = TreeHashes.treeHash(size, STORE);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = TreeHashes.proveInclusion(size, index, STORE);
                final int i = index;
                final int s = size;
                byte[] otherLeaf = STORE.leaves.get((index + 1) % MAX_SIZE);
                assertThrows(ProofException.class, () -> InclusionProofVerifier.verify(i, s, otherLeaf, proof, root));
                for (int h = 0; h < proof.size(); h++) {
                    List<byte[]> tampered = flip(proof, h);
                    assertThrows(ProofException.class,
                            () -> InclusionProofVerifier.verify(i, s, STORE.leaves.get(i), tampered, root));
                }
            }
        }
    }

    @Test
    void consistencyProofs_verifyForEveryOldAndNewSize() throws IOException, ProofException {
        for (int newSize = 1; newSize <= MAX_SIZE; newSize++) {
            byte[] newRoot = TreeHashes.treeHash(newSize, STORE);
            for (int oldSize = 1; oldSize <= newSize; oldSize++) {
                STORE.resetCounts();
                List<byte[]> proof = TreeHashes.proveConsistency(newSize, oldSize, STORE);
                assertTrue(STORE.calls <= 1 && STORE.hashesRead <= 2 * (1 + log2(newSize)), newSize + "/" + oldSize);
                byte[] oldRoot = TreeHashes.treeHash(oldSize, STORE);
                ConsistencyProofVerifier.verify(oldSize, newSize, oldRoot, newRoot, proof);
            }
            ConsistencyProofVerifier.verify(0, newSize, Merkle.emptyRoot(), newRoot, List.of());
        }
    }

    @Test
    void consistencyProofs_failForFlippedHashesAndWrongRoots() throws IOException {
        for (int newSize = 2; newSize <= MAX_SIZE; newSize += 5) {
            byte[] newRoot = TreeHashes.treeHash(newSize, STORE);
            for (int oldSize = 1; oldSize < newSize; oldSize++) {
                List<byte[]> proof = TreeHashes.proveConsistency(newSize, oldSize, STORE);
                byte[] oldRoot = TreeHashes.treeHash(oldSize, STORE);
                final int o = oldSize;
                final int n = newSize;
                for (int h = 0; h < proof.size(); h++) {
                    List<byte[]> tampered = flip(proof, h);
                    assertThrows(ProofException.class,
                            () -> ConsistencyProofVerifier.verify(o, n, oldRoot, newRoot, tampered));
                }
                assertThrows(ProofException.class,
                        () -> ConsistencyProofVerifier.verify(o, n, newRoot, newRoot, proof));
                assertThrows(ProofException.class,
                        () -> ConsistencyProofVerifier.verify(o, n, oldRoot, oldRoot, proof));
            }
        }
    }

    @Test
    void proveInclusion_rejectsIndexBeyondSize() {
        assertThrows(IllegalArgumentException.class, () -> TreeHashes.proveInclusion(4, 4, STORE));
    }

    @Test
    void proofs_readFromStorageWithoutRecomputingTheTree() throws IOException {
        // A tree of 2^20 leaves is never built: a reader that fabricates hashes per index shows that
        // a proof needs O(log n) reads in one call.
        int[] calls = {0};
        long[] maxIndex = {0};
        HashReader fabricated = indexes -> {
            calls[0]++;
            List<byte[]> out = new ArrayList<>();
            for (long index : indexes) {
                maxIndex[0] = Math.max(maxIndex[0], index);
                out.add(Merkle.leafHash(Long.toString(index).getBytes(StandardCharsets.UTF_8)));
            }
            return out;
        };
        long size = (1L << 20) + 12345;
        List<byte[]> proof = TreeHashes.proveInclusion(size, 777_777, fabricated);
        assertEquals(1, calls[0]);
        assertEquals(21, proof.size());
        assertTrue(maxIndex[0] < TreeHashes.storedHashCount(size));
    }

    private static List<byte[]> flip(List<byte[]> proof, int which) {
        List<byte[]> copy = new ArrayList<>();
        for (int i = 0; i < proof.size(); i++) {
            byte[] hash = proof.get(i).clone();
            if (i == which) {
                hash[0] ^= 1;
            }
            copy.add(hash);
        }
        return copy;
    }

    private static int log2(long n) {
        return n <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(n - 1);
    }
}
