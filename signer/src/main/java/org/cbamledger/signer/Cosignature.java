package org.cbamledger.signer;

import java.time.Instant;

/** A verified C2SP tlog-cosignature: which witness key cosigned, and the time it states (POSIX seconds). */
public record Cosignature(String witnessName, String witnessVerifierKey, long timeSeconds) {
    public Instant time() {
        return Instant.ofEpochSecond(timeSeconds);
    }
}
