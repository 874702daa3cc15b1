package org.cbamledger.signer;

import java.security.MessageDigest;

/** RFC 9162 §2.1.1 Merkle Tree Hash with SHA-256. */
public final class Merkle {
    public static final int HASH_BYTES = 32;
    private static final byte[] LEAF_PREFIX = {0x00};
    private static final byte[] NODE_PREFIX = {0x01};

    private Merkle() {}

    public static byte[] leafHash(byte[] entry) {
        return Sha256.digest(LEAF_PREFIX, entry);
    }

    /** The leaf hash of the entry at [from, to) of {@code bytes}, without copying it out. */
    public static byte[] leafHash(byte[] bytes, int from, int to) {
        MessageDigest digest = Sha256.newDigest();
        digest.update(LEAF_PREFIX);
        digest.update(bytes, from, to - from);
        return digest.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        return Sha256.digest(NODE_PREFIX, left, right);
    }

    /** MTH({}) = SHA-256() (RFC 9162 §2.1.1). */
    public static byte[] emptyRoot() {
        return Sha256.digest();
    }
}
