package org.cbamledger.archive;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 digests as lowercase hex, the form used in keys, records and exceptions. */
final class Sha256 {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private Sha256() {}

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    static String hex(byte[] data) {
        MessageDigest digest = newDigest();
        digest.update(data);
        return hex(digest);
    }

    static String requireHex(String sha256) {
        if (sha256 == null || !HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lowercase hex SHA-256: " + sha256);
        }
        return sha256;
    }
}
