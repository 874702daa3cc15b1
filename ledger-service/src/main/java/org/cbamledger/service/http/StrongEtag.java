package org.cbamledger.service.http;

import org.cbamledger.signer.Sha256;

/** RFC 9110 §8.8.3 strong entity tag: the SHA-256 of the representation's bytes. */
public final class StrongEtag {
    private StrongEtag() {}

    public static String of(byte[] representation) {
        return "\"" + Sha256.hex(representation) + "\"";
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
