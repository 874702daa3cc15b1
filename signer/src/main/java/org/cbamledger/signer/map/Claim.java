package org.cbamledger.signer.map;

import java.util.regex.Pattern;

/** The log entry that makes a claim: log id, leaf index and leaf hash (lowercase hex). */
public record Claim(String logId, long leafIndex, String leafHashHex) {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    public Claim {
        if (logId == null || logId.isBlank()) {
            throw new IllegalArgumentException("a claim names its log");
        }
        if (leafIndex < 0) {
            throw new IllegalArgumentException("leaf index must not be negative");
        }
        if (!HASH.matcher(leafHashHex).matches()) {
            throw new IllegalArgumentException("leaf hash must be 64 lowercase hex digits");
        }
    }

    public String describe() {
        return "log " + logId + " leaf " + leafIndex + " (" + leafHashHex + ")";
    }
}
