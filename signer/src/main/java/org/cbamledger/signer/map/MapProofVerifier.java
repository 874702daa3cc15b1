package org.cbamledger.signer.map;

import java.util.Arrays;
import org.cbamledger.signer.ProofException;

/** Offline verification of map proofs against a map root: plain static code over immutable values. */
public final class MapProofVerifier {
    private MapProofVerifier() {}

    /** The key holds exactly this value hash in the map with this root. */
    public static void verifyInclusion(byte[] rootHash, MapKey key, byte[] valueHash, MapProof proof) throws ProofException {
        check(valueHash, "value hash");
        verify(rootHash, key, MapHashes.leafHash(key.bytes(), valueHash), proof, "inclusion");
    }

    /** The key holds nothing in the map with this root. */
    public static void verifyNonInclusion(byte[] rootHash, MapKey key, MapProof proof) throws ProofException {
        verify(rootHash, key, MapHashes.emptyHash(0), proof, "non-inclusion");
    }

    private static void verify(byte[] rootHash, MapKey key, byte[] leaf, MapProof proof, String what) throws ProofException {
        check(rootHash, "map root hash");
        if (!proof.key().equals(key)) {
            throw new ProofException("map proof is for key " + proof.key().hex() + ", not " + key.hex());
        }
        byte[] bitmap = proof.bitmap();
        if (bitmap.length != MapHashes.HASH_BYTES) {
            throw new ProofException("map proof bitmap is not 32 bytes");
        }
        int set = 0;
        for (byte b : bitmap) {
            set += Integer.bitCount(b & 0xff);
        }
        if (set != proof.siblings().size()) {
            throw new ProofException("map proof has " + proof.siblings().size() + " sibling hashes, its bitmap names " + set);
        }
        byte[][] siblings = new byte[MapHashes.DEPTH][];
        int next = 0;
        for (int depth = 0; depth < MapHashes.DEPTH; depth++) {
            byte[] empty = MapHashes.emptyHash(MapHashes.DEPTH - 1 - depth);
            if (MapHashes.bit(bitmap, depth) == 1) {
                byte[] sibling = proof.siblings().get(next++);
                check(sibling, "map proof sibling hash");
                if (Arrays.equals(sibling, empty)) {
                    throw new ProofException("map proof lists an empty subtree at depth " + (depth + 1));
                }
                siblings[depth] = sibling;
            } else {
                siblings[depth] = empty;
            }
        }
        byte[] h = leaf;
        for (int depth = MapHashes.DEPTH - 1; depth >= 0; depth--) {
            h = key.bit(depth) == 0 ? MapHashes.nodeHash(h, siblings[depth]) : MapHashes.nodeHash(siblings[depth], h);
        }
        if (!Arrays.equals(h, rootHash)) {
            throw new ProofException("map " + what + " proof for key " + key.hex() + " does not match the map root");
        }
    }

    private static void check(byte[] hash, String what) throws ProofException {
        if (hash == null || hash.length != MapHashes.HASH_BYTES) {
            throw new ProofException(what + " is not 32 bytes");
        }
    }
}
