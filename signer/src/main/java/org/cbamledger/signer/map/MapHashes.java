package org.cbamledger.signer.map;

import java.nio.charset.StandardCharsets;
import org.cbamledger.signer.Sha256;

/**
 * The hashing of the uniqueness map: a sparse Merkle tree of depth 256 over SHA-256 keys, every position a leaf.
 * Three domain-separated hashes, so a leaf can never be read as a node or an empty subtree:
 * <ul>
 *   <li>leaf = SHA-256(0x00 || key (32 bytes) || SHA-256(value))</li>
 *   <li>node = SHA-256(0x01 || left || right)</li>
 *   <li>empty(0) = SHA-256(0x02); empty(h) = node(empty(h-1), empty(h-1)): an empty subtree of height h hashes as
 *       if all its 2^h leaves were empty, so the tree is exactly the full binary tree it stands for.</li>
 * </ul>
 * The key of a claim is SHA-256 of its claim key in UTF-8 ({@code go:<registry>:<prefix>:<block>},
 * {@code ppa:<contractId>:<period>}); bit 0 is the most significant bit of byte 0 and chooses the root's child
 * (0 left, 1 right).
 */
public final class MapHashes {
    public static final int DEPTH = 256;
    public static final int HASH_BYTES = 32;
    private static final byte[][] EMPTY = emptyHashes();

    private MapHashes() {}

    public static byte[] keyOf(String claimKey) {
        return Sha256.digest(claimKey.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] valueHash(byte[] value) {
        return Sha256.digest(value);
    }

    public static byte[] leafHash(byte[] key, byte[] valueHash) {
        return Sha256.digest(new byte[] {0x00}, key, valueHash);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        return Sha256.digest(new byte[] {0x01}, left, right);
    }

    /** The hash of an empty subtree of the given height (0 = one empty leaf, 256 = the empty map's root). */
    public static byte[] emptyHash(int height) {
        return EMPTY[height].clone();
    }

    static byte[] emptyHashShared(int height) {
        return EMPTY[height];
    }

    /** Bit {@code index} of a 256-bit key, most significant bit of byte 0 first. */
    public static int bit(byte[] key, int index) {
        return (key[index >>> 3] >>> (7 - (index & 7))) & 1;
    }

    private static byte[][] emptyHashes() {
        byte[][] empty = new byte[DEPTH + 1][];
        empty[0] = Sha256.digest(new byte[] {0x02});
        for (int h = 1; h <= DEPTH; h++) {
            empty[h] = nodeHash(empty[h - 1], empty[h - 1]);
        }
        return empty;
    }
}
