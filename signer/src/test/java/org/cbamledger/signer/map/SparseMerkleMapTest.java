package org.cbamledger.signer.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.cbamledger.signer.ProofException;
import org.cbamledger.signer.Sha256;
import org.junit.jupiter.api.Test;

class SparseMerkleMapTest {

    /** The tree's definition, computed naively: split the sorted leaves by bit, empty subtrees by formula. */
    private static byte[] referenceRoot(TreeMap<MapKey, byte[]> leaves) {
        return reference(new ArrayList<>(leaves.keySet()), leaves, 0);
    }

    private static byte[] reference(List<MapKey> keys, TreeMap<MapKey, byte[]> leaves, int depth) {
        if (keys.isEmpty()) {
            return MapHashes.emptyHash(MapHashes.DEPTH - depth);
        }
        if (depth == MapHashes.DEPTH) {
            return MapHashes.leafHash(keys.getFirst().bytes(), leaves.get(keys.getFirst()));
        }
        List<MapKey> left = keys.stream().filter(k -> k.bit(depth) == 0).toList();
        List<MapKey> right = keys.stream().filter(k -> k.bit(depth) == 1).toList();
        return MapHashes.nodeHash(reference(left, leaves, depth + 1), reference(right, leaves, depth + 1));
    }

    private static byte[] value(String text) {
        return MapHashes.valueHash(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void emptyMap_rootIsEmptyHashOfHeight256() {
        SparseMerkleMap map = new SparseMerkleMap(new MemoryMapNodeStore());
        assertArrayEquals(MapHashes.emptyHash(256), map.rootHash());
    }

    @Test
    void emptyHashes_areDomainSeparatedFromLeavesAndNodes() {
        assertArrayEquals(Sha256.digest(new byte[] {0x02}), MapHashes.emptyHash(0));
        assertArrayEquals(Sha256.digest(new byte[] {0x01}, MapHashes.emptyHash(0), MapHashes.emptyHash(0)),
                MapHashes.emptyHash(1));
    }

    @Test
    void root_matchesTheNaiveDefinition_forRandomKeysAndUpdates() {
        Random random = new Random(7);
        SparseMerkleMap map = new SparseMerkleMap(new MemoryMapNodeStore());
        TreeMap<MapKey, byte[]> leaves = new TreeMap<>();
        for (int i = 0; i < 60; i++) {
            MapKey key = MapKey.ofClaim("ppa:C-" + random.nextInt(40) + ":2026-" + (1 + random.nextInt(12)));
            byte[] v = value("claim " + i);
            map.put(key, v);
            leaves.put(key, v);
            assertArrayEquals(referenceRoot(leaves), map.rootHash(), "after put " + i);
        }
        assertEquals(leaves.size(), map.size());
    }

    @Test
    void root_matchesTheNaiveDefinition_forKeysSharingLongPrefixes() {
        SparseMerkleMap map = new SparseMerkleMap(new MemoryMapNodeStore());
        TreeMap<MapKey, byte[]> leaves = new TreeMap<>();
        byte[] base = new byte[32];
        for (int i = 0; i < 4; i++) {
            byte[] k = base.clone();
            k[31] = (byte) i;
            MapKey key = new MapKey(k);
            map.put(key, value("v" + i));
            leaves.put(key, value("v" + i));
        }
        assertArrayEquals(referenceRoot(leaves), map.rootHash());
    }

    @Test
    void proofs_verifyInclusionAndNonInclusion() throws ProofException {
        SparseMerkleMap map = new SparseMerkleMap(new MemoryMapNodeStore());
        for (int i = 0; i < 30; i++) {
            map.put(MapKey.ofClaim("k" + i), value("v" + i));
        }
        byte[] root = map.rootHash();
        for (int i = 0; i < 30; i++) {
            MapKey key = MapKey.ofClaim("k" + i);
            MapProofVerifier.verifyInclusion(root, key, value("v" + i), MapProof.fromJson(map.prove(key).toJson()));
        }
        MapKey absent = MapKey.ofClaim("absent");
        MapProofVerifier.verifyNonInclusion(root, absent, map.prove(absent));
    }

    @Test
    void verifyInclusion_rejectsAnotherValue() {
        SparseMerkleMap map = new SparseMerkleMap(new MemoryMapNodeStore());
        MapKey key = MapKey.ofClaim("k");
        map.put(key, value("v"));
        ProofException e = assertThrows(ProofException.class,
                () -> MapProofVerifier.verifyInclusion(map.rootHash(), key, value("w"), map.prove(key)));
        assertEquals("map inclusion proof for key " + key.hex() + " does not match the map root", e.getMessage());
    }

    @Test
    void verifyNonInclusion_rejectsAPresentKey() {
        SparseMerkleMap map = new SparseMerkleMap(new MemoryMapNodeStore());
        MapKey key = MapKey.ofClaim("k");
        map.put(key, value("v"));
        map.put(MapKey.ofClaim("other"), value("v"));
        assertThrows(ProofException.class, () -> MapProofVerifier.verifyNonInclusion(map.rootHash(), key, map.prove(key)));
    }

    @Test
    void verify_rejectsBitmapAndSiblingCountMismatch() {
        SparseMerkleMap map = new SparseMerkleMap(new MemoryMapNodeStore());
        MapKey key = MapKey.ofClaim("k");
        map.put(key, value("v"));
        map.put(MapKey.ofClaim("other"), value("v"));
        MapProof proof = map.prove(key);
        MapProof truncated = new MapProof(key, proof.bitmap(), List.of());
        ProofException e = assertThrows(ProofException.class,
                () -> MapProofVerifier.verifyInclusion(map.rootHash(), key, value("v"), truncated));
        assertEquals("map proof has 0 sibling hashes, its bitmap names 1", e.getMessage());
    }

    @Test
    void verify_rejectsProofForAnotherKey() {
        SparseMerkleMap map = new SparseMerkleMap(new MemoryMapNodeStore());
        MapKey key = MapKey.ofClaim("k");
        map.put(key, value("v"));
        MapKey other = MapKey.ofClaim("other");
        assertThrows(ProofException.class, () -> MapProofVerifier.verifyNonInclusion(map.rootHash(), other, map.prove(key)));
    }
}
