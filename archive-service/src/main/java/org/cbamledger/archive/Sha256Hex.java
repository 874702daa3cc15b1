package org.cbamledger.archive;

import java.util.regex.Pattern;

/** A document's SHA-256 as lowercase hex, the form used in keys, records and exceptions. */
final class Sha256Hex {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private Sha256Hex() {}

    static String require(String sha256) {
        if (sha256 == null || !HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lowercase hex SHA-256: " + sha256);
        }
        return sha256;
    }
}
