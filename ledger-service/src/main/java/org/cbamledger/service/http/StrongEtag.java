package org.cbamledger.service.http;

import java.util.HexFormat;
import org.cbamledger.signer.Sha256;

/** RFC 9110 §8.8.3 strong entity tag: the SHA-256 of the representation's bytes, or a digest that identifies them. */
public final class StrongEtag {
    private StrongEtag() {}

    public static String of(byte[] representation) {
        return ofDigest(Sha256.digest(representation));
    }

    /** The tag of a SHA-256 digest that identifies the representation's bytes (a tile's, {@code ServedTile}). */
    public static String ofDigest(byte[] sha256) {
        return "\"" + HexFormat.of().formatHex(sha256) + "\"";
    }

    /** RFC 9110 §13.1.2: If-None-Match is {@code *} or a list of tags; weak comparison, so W/ prefixes match too. */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
