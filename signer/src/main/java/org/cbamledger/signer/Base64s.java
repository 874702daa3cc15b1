package org.cbamledger.signer;

import java.util.Base64;

/** Strict standard base64: padded, canonical, nothing else. */
final class Base64s {
    private Base64s() {}

    static byte[] decodeStrict(String text, String what) throws SignerException {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new SignerException(what + " is not valid base64");
        }
        if (!Base64.getEncoder().encodeToString(decoded).equals(text)) {
            throw new SignerException(what + " is not valid base64");
        }
        return decoded;
    }

    static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
