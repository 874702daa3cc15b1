package org.cbamledger.service.log;

import java.util.HexFormat;
import java.util.List;
import org.cbamledger.service.store.DeviceBatch;
import org.cbamledger.service.store.KeyRegistration;
import org.cbamledger.service.store.KeyRevocation;

/**
 * An envelope that passed every check that needs no lock on the log: parse, size, schema, signature.
 * The sequencer re-checks what depends on the log's state at its index (replays, device numbering,
 * key registrations and revocations sequenced meanwhile).
 */
public record Submission(
        byte[] canonicalBytes,
        byte[] leafHash,
        String kind,
        List<String> signingKeyIds,
        DeviceBatch deviceBatch,
        KeyRegistration registration,
        KeyRevocation revocation) {

    public String leafHashHex() {
        return HexFormat.of().formatHex(leafHash);
    }
}
