package org.cbamledger.verifier.context;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.cbamledger.signer.DsseSignature;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.SignerException;
import org.cbamledger.verifier.bundle.Bundle;
import org.cbamledger.verifier.bundle.ManifestEntry;

/**
 * The bundle's entries read once, in index order, each file or pack streamed and its bytes let go: what the checks
 * need of each is kept, its leaf hash and its envelope (payload and signatures, not a parsed JSON tree), or why it
 * could not be read. Payloads are kept deflated (JSON shrinks about fourfold) and inflated on each use. Entries are
 * hashed and parsed a bounded batch at a time on the threads of the pool the scan runs in, each into its own slot, so
 * the result is the same as one thread's, while the reading thread goes on to the next batch.
 */
public final class EntryScan implements Bundle.EntryVisitor {
    private static final int BATCH_ENTRIES = 512;
    private long[] indexes = new long[BATCH_ENTRIES];
    private byte[][] leafHashes = new byte[BATCH_ENTRIES][];
    private Object[] envelopes = new Object[BATCH_ENTRIES];
    private int size;
    private final List<Read> batch = new ArrayList<>(BATCH_ENTRIES);
    private ForkJoinTask<?> keeping;
    private boolean finished;

    /**
     * An empty scan, to be filled as the bundle hands over its entries in index order (BundleReader.read does so for a
     * v2 bundle's packs as it lists them, so they are inflated once), then given to the BundleContext.
     */
    public EntryScan() {}

    static EntryScan read(Bundle bundle) throws IOException {
        EntryScan scan = new EntryScan();
        bundle.forEachEntry(scan);
        return scan.finish();
    }

    /** An entry's bytes as the bundle handed them over, or why they could not be read. */
    private record Read(long index, byte[] bytes, String error) {}

    /**
     * Takes the next entry; each full batch is handed to the pool the scan runs in, once the batch before it is done,
     * and the caller goes on reading the next batch's bytes (inflating the pack) while this one is hashed and parsed.
     * At most two batches' raw bytes are held: the one being kept and the one being read.
     */
    @Override
    public void visit(ManifestEntry entry, byte[] bytesOrNull, String error) {
        batch.add(new Read(entry.index(), bytesOrNull, error));
        if (batch.size() == BATCH_ENTRIES) {
            List<Read> full = List.copyOf(batch);
            batch.clear();
            int from = makeRoom(full.size());
            keeping = ForkJoinTask.adapt(() -> keep(full, from)).fork();
        }
    }

    /** Waits for the batch being kept, then makes room for {@code count} more entries; the first one's slot. */
    private int makeRoom(int count) {
        if (keeping != null) {
            keeping.join();
            keeping = null;
        }
        if (size + count > indexes.length) {
            int capacity = Math.max(2 * indexes.length, size + count);
            indexes = Arrays.copyOf(indexes, capacity);
            leafHashes = Arrays.copyOf(leafHashes, capacity);
            envelopes = Arrays.copyOf(envelopes, capacity);
        }
        int from = size;
        size += count;
        return from;
    }

    /** Keeps the last batch and waits for every other: the scan is complete. */
    EntryScan finish() {
        if (!finished) {
            List<Read> last = List.copyOf(batch);
            batch.clear();
            keep(last, makeRoom(last.size()));
            indexes = Arrays.copyOf(indexes, size);
            finished = true;
        }
        return this;
    }

    /**
     * Hashes, parses and packs a batch of entries over the pool's threads into the slots from {@code from} on (each
     * entry's slot is its own).
     */
    private void keep(List<Read> reads, int from) {
        IntStream.range(0, reads.size()).parallel().forEach(i -> {
            Read read = reads.get(i);
            int at = from + i;
            indexes[at] = read.index();
            if (read.bytes() == null) {
                envelopes[at] = Loaded.failed(read.error());
                return;
            }
            leafHashes[at] = Merkle.leafHash(read.bytes());
            Object parsed = parse(read.bytes());
            envelopes[at] = parsed instanceof Envelope e ? Packed.of(e) : parsed;
        });
    }

    /** The entry's leaf hash, or null when its bytes could not be read (its envelope says why). */
    byte[] leafHash(long index) {
        int at = Arrays.binarySearch(indexes, index);
        return at < 0 ? null : leafHashes[at];
    }

    /** The kind of a readable entry's envelope, without inflating its payload; null when it is not readable. */
    String kind(long index) {
        int at = Arrays.binarySearch(indexes, index);
        return at >= 0 && envelopes[at] instanceof Packed p ? p.kind() : null;
    }

    /** A readable entry's signatures, without inflating its payload; null when it is not readable. */
    List<DsseSignature> signatures(long index) {
        int at = Arrays.binarySearch(indexes, index);
        return at >= 0 && envelopes[at] instanceof Packed p ? p.signatures() : null;
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

    /** An envelope with its payload deflated, and its kind (read from its payloadType once, here). */
    private record Packed(String payloadType, String kind, byte[] deflated, int payloadBytes,
            List<DsseSignature> signatures) {
        static Packed of(Envelope envelope) {
            byte[] payload = envelope.payload();
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            deflater.setInput(payload);
            deflater.finish();
            byte[] buffer = new byte[payload.length + 64];
            int length = deflater.deflate(buffer);
            deflater.end();
            // interned: a year's 180,000 entries share a handful of types
            return new Packed(envelope.payloadType().intern(), envelope.kind().intern(), Arrays.copyOf(buffer, length),
                    payload.length, envelope.signatures());
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
     * The entry as a DSSE envelope (signer's strict Envelope.parseWithRecord, which also refuses a record whose kind is
     * not the payloadType's), accepted only if the bytes are exactly the envelope's RFC 8785 canonical form.
     */
    private static Object parse(byte[] bytes) {
        try {
            Envelope.Parsed parsed = Envelope.parseWithRecord(bytes);
            if (!Arrays.equals(bytes, parsed.canonicalBytes())) {
                return Loaded.failed("not RFC 8785 canonical JSON: the bytes differ from the envelope's canonical form");
            }
            return parsed.envelope();
        } catch (SignerException e) {
            return Loaded.failed("not a DSSE envelope: " + e.getMessage());
        }
    }
}
