package org.cbamledger.verifier;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.SignerException;
import org.cbamledger.verifier.bundle.Bundle;
import org.cbamledger.verifier.bundle.ManifestEntry;
import tools.jackson.databind.JsonNode;

/**
 * The bundle's entries read once, in index order, each file or pack streamed and its bytes let go: what the checks
 * need of each is kept, its leaf hash and its envelope (payload and signatures, not a parsed JSON tree), or why it
 * could not be read.
 */
final class EntryScan {
    private final long[] indexes;
    private final byte[][] leafHashes;
    private final Object[] envelopes;

    private EntryScan(List<ManifestEntry> entries) {
        indexes = entries.stream().mapToLong(ManifestEntry::index).toArray();
        leafHashes = new byte[indexes.length][];
        envelopes = new Object[indexes.length];
    }

    static EntryScan read(Bundle bundle) throws IOException {
        EntryScan scan = new EntryScan(bundle.manifest().entries());
        int[] position = {0};
        bundle.forEachEntry((entry, bytes, error) -> {
            int at = position[0]++;
            if (bytes == null) {
                scan.envelopes[at] = Loaded.failed(error);
                return;
            }
            scan.leafHashes[at] = Merkle.leafHash(bytes);
            scan.envelopes[at] = parse(bytes);
        });
        return scan;
    }

    /** The entry's leaf hash, or null when its bytes could not be read (its envelope says why). */
    byte[] leafHash(long index) {
        int at = Arrays.binarySearch(indexes, index);
        return at < 0 ? null : leafHashes[at];
    }

    @SuppressWarnings("unchecked")
    Loaded<Envelope> envelope(long index) {
        int at = Arrays.binarySearch(indexes, index);
        if (at < 0) {
            return Loaded.failed("entry " + index + " is not bundled");
        }
        Object envelope = envelopes[at];
        return envelope instanceof Envelope e ? Loaded.of(e) : (Loaded<Envelope>) envelope;
    }

    /**
     * The entry as a DSSE envelope (signer's strict Envelope.parse), accepted only if the bytes are exactly the
     * envelope's RFC 8785 canonical form and its record's kind is the payloadType's kind.
     */
    private static Object parse(byte[] bytes) {
        try {
            Envelope.Parsed parsed = Envelope.parseWithRecord(bytes);
            Envelope envelope = parsed.envelope();
            if (!Arrays.equals(bytes, envelope.canonicalBytes())) {
                return Loaded.failed("not RFC 8785 canonical JSON: the bytes differ from the envelope's canonical form");
            }
            JsonNode kind = parsed.record().get("kind");
            if (kind == null || !kind.isString() || !kind.stringValue().equals(envelope.kind())) {
                return Loaded.failed("record kind does not match payloadType " + envelope.payloadType());
            }
            return envelope;
        } catch (SignerException e) {
            return Loaded.failed("not a DSSE envelope: " + e.getMessage());
        }
    }
}
