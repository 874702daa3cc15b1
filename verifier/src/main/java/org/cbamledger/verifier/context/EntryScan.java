package org.cbamledger.verifier.context;

import java.io.IOException;
import java.util.ArrayList;
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
 * could not be read. Payloads are kept deflated (JSON shrinks about fourfold) and inflated on each use. Entries are
 * hashed and parsed a bounded batch at a time on all processors, each into its own slot, so the result is the same
 * as one thread's.
 */
final class EntryScan {
    private static final int BATCH_ENTRIES = 512;
    private final long[] indexes;
    private final byte[][] leafHashes;
    private final Object[] envelopes;
    private int position;

    private EntryScan(List<ManifestEntry> entries) {
        indexes = entries.stream().mapToLong(ManifestEntry::index).toArray();
        leafHashes = new byte[indexes.length][];
        envelopes = new Object[indexes.length];
    }

    static EntryScan read(Bundle bundle) throws IOException {
        EntryScan scan = new EntryScan(bundle.manifest().entries());
        List<Read> batch = new ArrayList<>(BATCH_ENTRIES);
        bundle.forEachEntry((entry, bytes, error) -> {
            batch.add(new Read(scan.position++, bytes, error));
            if (batch.size() == BATCH_ENTRIES) {
                scan.keep(batch);
            }
        });
        scan.keep(batch);
        return scan;
    }

    /** An entry's bytes as the bundle handed them over, or why they could not be read. */
    private record Read(int at, byte[] bytes, String error) {}

    /**
     * Hashes, parses and packs a batch of entries over all processors (each entry's slot is its own), then lets the
     * batch go: at most {@link #BATCH_ENTRIES} entries' raw bytes are held at once.
     */
    private void keep(List<Read> batch) {
        batch.parallelStream().forEach(read -> {
            if (read.bytes() == null) {
                envelopes[read.at()] = Loaded.failed(read.error());
                return;
            }
            leafHashes[read.at()] = Merkle.leafHash(read.bytes());
            Object parsed = parse(read.bytes());
            envelopes[read.at()] = parsed instanceof Envelope e ? Packed.of(e) : parsed;
        });
        batch.clear();
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
