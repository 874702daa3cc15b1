package org.cbamledger.verifier.context;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.cbamledger.signer.DsseSignature;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.SignerException;
import org.cbamledger.verifier.bundle.Bundle;
import org.cbamledger.verifier.bundle.ManifestEntry;
import tools.jackson.databind.JsonNode;

/**
 * The bundle's entries read once, in index order, each file or pack streamed and its bytes let go: what the checks
 * need of each is kept, its leaf hash and its envelope (payload and signatures, not a parsed JSON tree), or why it
 * could not be read. Payloads are kept deflated (JSON shrinks about fourfold) and inflated on each use.
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
            Object parsed = parse(bytes);
            scan.envelopes[at] = parsed instanceof Envelope e ? Packed.of(e) : parsed;
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
        return envelope instanceof Packed p ? Loaded.of(p.envelope()) : (Loaded<Envelope>) envelope;
    }

    /** An envelope with its payload deflated. */
    private record Packed(String payloadType, byte[] deflated, int payloadBytes, List<DsseSignature> signatures) {
        static Packed of(Envelope envelope) {
            byte[] payload = envelope.payload();
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            deflater.setInput(payload);
            deflater.finish();
            byte[] buffer = new byte[payload.length + 64];
            int length = deflater.deflate(buffer);
            deflater.end();
            return new Packed(envelope.payloadType(), Arrays.copyOf(buffer, length), payload.length, envelope.signatures());
        }

        Envelope envelope() {
            Inflater inflater = new Inflater();
            inflater.setInput(deflated);
            byte[] payload = new byte[payloadBytes];
            try {
                inflater.inflate(payload);
            } catch (DataFormatException e) {
                throw new IllegalStateException("a payload deflated here does not inflate", e);
            } finally {
                inflater.end();
            }
            return new Envelope(payloadType, payload, signatures);
        }
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
