package org.cbamledger.bench.year;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cbamledger.signer.DecodedPublicKey;
import org.cbamledger.signer.DsseSignature;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.SignerException;

/**
 * The floor under offline verification: SHA-256 (the leaf hash) and one signature check per entry, in a tight
 * loop on one thread, over the same entries; nothing parsed, looked up or read from disk while timed.
 */
final class VerifyFloor {
    private record Work(byte[] entry, byte[] pae, byte[] signature, DecodedPublicKey key) {}

    private VerifyFloor() {}

    /** Seconds for the loop; entries signed by a key not in {@code keys} (the log's own) count for their hash only. */
    static double seconds(List<byte[]> entries, Map<String, DecodedPublicKey> keys) throws SignerException {
        List<Work> work = new ArrayList<>(entries.size());
        for (byte[] entry : entries) {
            Envelope envelope = Envelope.parse(entry);
            DsseSignature signature = envelope.signatures().getFirst();
            work.add(new Work(entry, envelope.pae(), signature.sig(), keys.get(signature.keyId())));
        }
        long started = System.nanoTime();
        int verified = 0;
        for (Work w : work) {
            Merkle.leafHash(w.entry());
            if (w.key() != null && w.key().verify(w.pae(), w.signature())) {
                verified++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (verified == 0 && !work.isEmpty()) {
            throw new IllegalStateException("no signature verified in the floor loop");
        }
        return seconds;
    }
}
