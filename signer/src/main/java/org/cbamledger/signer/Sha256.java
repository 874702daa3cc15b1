package org.cbamledger.signer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the one hash of the project (FIPS 180-4): of byte strings one after another, as bytes or lowercase hex. */
public final class Sha256 {
    private Sha256() {}

    /** A fresh digest, for content read in pieces (a stream). */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    public static byte[] digest(byte[]... parts) {
        MessageDigest digest = newDigest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    public static String hex(byte[]... parts) {
        return HexFormat.of().formatHex(digest(parts));
    }

    /** The lowercase hex of what the digest has read so far; resets it. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
