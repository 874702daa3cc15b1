package org.cbamledger.signer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Exact failure messages of the RFC 9162 verifiers, on the RFC 6962 reference tree of 8 leaves. */
class ProofVerifierTest {
    // Leaves and roots of the Certificate Transparency reference test tree (RFC 6962 test data).
    private static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
        "606162636465666768696a6b6c6d6e6f"};
    private static final String[] ROOTS = {
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};
    private static final MemoryHashStore STORE = new MemoryHashStore();

    @BeforeAll
    static void build() throws IOException {
        for (String leaf : LEAVES) {
            STORE.append(Merkle.leafHash(HexFormat.of().parseHex(leaf)));
        }
    }

    private static byte[] root(int size) throws IOException {
        return TreeHashes.treeHash(size, STORE);
    }

    @Test
    void treeHash_matchesCertificateTransparencyReferenceRoots() throws IOException {
        for (int size = 1; size <= 8; size++) {
            assertEquals(ROOTS[size - 1], HexFormat.of().formatHex(root(size)), "size " + size);
        }
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HexFormat.of()::formatHex).toList();
    }

    @Test
    void proofs_matchCertificateTransparencyReferenceProofs() throws IOException {
        String h96 = "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7";
        String h5f = "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e";
        String h6b = "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4";
        String hbc = "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b";
        String hca = "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0";
        String h0e = "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a";
        assertEquals(List.of(h96, h5f, h6b), hex(TreeHashes.proveInclusion(8, 0, STORE)));
        assertEquals(List.of(hbc, hca, ROOTS[3]), hex(TreeHashes.proveInclusion(8, 5, STORE)));
        assertEquals(List.of(ROOTS[1]), hex(TreeHashes.proveInclusion(3, 2, STORE)));
        assertEquals(List.of(ROOTS[0], h5f, hbc), hex(TreeHashes.proveInclusion(5, 1, STORE)));
        assertEquals(List.of(h96, h5f, h6b), hex(TreeHashes.proveConsistency(8, 1, STORE)));
        assertEquals(List.of(h0e, hca, ROOTS[3]), hex(TreeHashes.proveConsistency(8, 6, STORE)));
        assertEquals(List.of(h5f, hbc), hex(TreeHashes.proveConsistency(5, 2, STORE)));
        assertEquals(List.of(), hex(TreeHashes.proveConsistency(1, 1, STORE)));
    }

    private static String inclusionFailure(long index, long size, List<byte[]> proof, byte[] root) {
        return assertThrows(ProofException.class,
                () -> InclusionProofVerifier.verify(index, size, STORE.leaves.get((int) Math.min(index, 7)), proof, root))
                .getMessage();
    }

    @Test
    void inclusion_rejectsIndexBeyondTreeSize() throws IOException {
        assertEquals("leaf index 5 is not less than tree size 5", inclusionFailure(5, 5, List.of(), root(5)));
    }

    @Test
    void inclusion_rejectsExtraHash() throws IOException {
        List<byte[]> proof = new ArrayList<>(TreeHashes.proveInclusion(5, 2, STORE));
        proof.add(root(1));
        assertEquals("inclusion proof has too many hashes", inclusionFailure(2, 5, proof, root(5)));
    }

    @Test
    void inclusion_rejectsMissingHash() throws IOException {
        List<byte[]> proof = new ArrayList<>(TreeHashes.proveInclusion(5, 2, STORE));
        proof.removeLast();
        assertEquals("inclusion proof has too few hashes", inclusionFailure(2, 5, proof, root(5)));
    }

    @Test
    void inclusion_rejectsProofForSmallerTreeClaimedAgainstLargerSize() throws IOException {
        // The path of leaf 2 in a tree of 4 also hashes to root(4): only the final sn == 0 check stops it
        // from passing as a proof for a tree of 8 whose root the attacker set to root(4).
        List<byte[]> proof = TreeHashes.proveInclusion(4, 2, STORE);
        assertEquals("inclusion proof has too few hashes", inclusionFailure(2, 8, proof, root(4)));
    }

    @Test
    void inclusion_rejectsWrongRoot() throws IOException {
        List<byte[]> proof = TreeHashes.proveInclusion(5, 2, STORE);
        assertEquals("inclusion proof does not lead to the root hash", inclusionFailure(2, 5, proof, root(4)));
    }

    @Test
    void inclusion_rejectsShortHash() throws IOException {
        List<byte[]> proof = List.of(new byte[31]);
        assertEquals("proof hash is not 32 bytes", inclusionFailure(0, 2, proof, root(2)));
    }

    @Test
    void inclusion_singleLeafTreeHasEmptyProof() throws IOException, ProofException {
        assertEquals(List.of(), TreeHashes.proveInclusion(1, 0, STORE));
        InclusionProofVerifier.verify(0, 1, STORE.leaves.getFirst(), List.of(), root(1));
        assertArrayEquals(STORE.leaves.getFirst(), root(1));
    }

    private static String consistencyFailure(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
        return assertThrows(ProofException.class,
                () -> ConsistencyProofVerifier.verify(oldSize, newSize, oldRoot, newRoot, proof)).getMessage();
    }

    @Test
    void consistency_rejectsOldSizeBeyondNewSize() throws IOException {
        assertEquals("old tree size 6 is greater than new tree size 5",
                consistencyFailure(6, 5, root(6), root(5), List.of()));
    }

    @Test
    void consistency_rejectsEmptyProof() throws IOException {
        assertEquals("consistency proof is empty", consistencyFailure(3, 7, root(3), root(7), List.of()));
    }

    @Test
    void consistency_rejectsNonEmptyProofForEqualSizes() throws IOException {
        assertEquals("consistency proof must be empty for old size 4 and new size 4",
                consistencyFailure(4, 4, root(4), root(4), List.of(root(1))));
    }

    @Test
    void consistency_rejectsDifferentRootsForEqualSizes() throws IOException {
        assertEquals("consistency proof does not lead to the old root hash",
                consistencyFailure(4, 4, root(3), root(4), List.of()));
    }

    @Test
    void consistency_rejectsExtraHash() throws IOException {
        List<byte[]> proof = new ArrayList<>(TreeHashes.proveConsistency(7, 3, STORE));
        proof.add(root(1));
        assertEquals("consistency proof has too many hashes", consistencyFailure(3, 7, root(3), root(7), proof));
    }

    @Test
    void consistency_rejectsMissingHash() throws IOException {
        List<byte[]> proof = new ArrayList<>(TreeHashes.proveConsistency(7, 3, STORE));
        proof.removeLast();
        assertEquals("consistency proof has too few hashes", consistencyFailure(3, 7, root(3), root(7), proof));
    }

    @Test
    void consistency_rejectsWrongOldRoot() throws IOException {
        List<byte[]> proof = TreeHashes.proveConsistency(7, 3, STORE);
        assertEquals("consistency proof does not lead to the old root hash",
                consistencyFailure(3, 7, root(2), root(7), proof));
    }

    @Test
    void consistency_rejectsWrongNewRoot() throws IOException {
        List<byte[]> proof = TreeHashes.proveConsistency(7, 3, STORE);
        assertEquals("consistency proof does not lead to the new root hash",
                consistencyFailure(3, 7, root(3), root(6), proof));
    }

    @Test
    void consistency_fromEmptyTreeNeedsEmptyRoot() throws IOException, ProofException {
        ConsistencyProofVerifier.verify(0, 5, Merkle.emptyRoot(), root(5), List.of());
        assertEquals("consistency proof does not lead to the old root hash",
                consistencyFailure(0, 5, root(1), root(5), List.of()));
    }
}
