package org.cbamledger.signer;

/**
 * The record kind a payloadType names: {@code application/vnd.cbamledger.<kind>.v1+json}, the kind lowercase letters
 * and digits in words joined by single hyphens ({@code [a-z0-9]+(-[a-z0-9]+)*}). Read by hand, not by a regular
 * expression: every entry's kind is asked for several times as it is read (a plant's year has 180,000 entries).
 */
final class PayloadTypes {
    private static final String PREFIX = "application/vnd.cbamledger.";
    private static final String SUFFIX = ".v1+json";

    private PayloadTypes() {}

    /** The kind, or null when {@code payloadType} is not exactly a cbam-ledger record type. */
    static String kind(String payloadType) {
        int end = payloadType.length() - SUFFIX.length();
        if (end <= PREFIX.length() || !payloadType.startsWith(PREFIX) || !payloadType.endsWith(SUFFIX)) {
            return null;
        }
        for (int i = PREFIX.length(); i < end; i++) {
            char c = payloadType.charAt(i);
            boolean word = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            boolean joint = c == '-' && i > PREFIX.length() && i < end - 1 && payloadType.charAt(i - 1) != '-';
            if (!word && !joint) {
                return null;
            }
        }
        return payloadType.substring(PREFIX.length(), end);
    }
}
