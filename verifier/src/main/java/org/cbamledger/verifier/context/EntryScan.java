package org.cbamledger.verifier.context;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;
import java.util.zip.CRC32C;
import org.cbamledger.calculation.evidence.BatchColumns;
import org.cbamledger.signer.DecodedPublicKey;
import org.cbamledger.signer.DsseSignature;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.PublicKeyInfo;
import org.cbamledger.signer.SignerException;
import org.cbamledger.spec.Kinds;
import org.cbamledger.verifier.bundle.Bundle;
import org.cbamledger.verifier.bundle.ManifestEntry;

/**
 * The bundle's entries read once, in index order, each file or pack streamed and its bytes let go: what the checks
 * need of each is kept, its leaf hash and its envelope (payload and signatures, not a parsed JSON tree), or why it
 * could not be read. Payloads are kept in a temporary file ({@link PayloadSpill}) and read back on each use. Entries are
 * hashed and parsed a bounded batch at a time on the threads of the pool the scan runs in, each into its own slot, so
 * the result is the same as one thread's, while the reading thread goes on to the next batch. Each signature by a key
 * that a key-registration scanned so far carries ({@link ScannedKeys}) is checked then, while the payload is at hand:
 * whether it verifies is kept for EntrySignatureCheck, which decides in log order whether the key may sign the entry.
 */
public final class EntryScan implements Bundle.EntryVisitor, Closeable {
    private static final int BATCH_ENTRIES = 512;
    private static final byte UNCHECKED = 0;
    private static final byte VERIFIES = 1;
    private static final byte FAILS = 2;
    private long[] indexes = new long[BATCH_ENTRIES];
    private byte[][] leafHashes = new byte[BATCH_ENTRIES][];
    private Object[] envelopes = new Object[BATCH_ENTRIES];
    private final ScannedKeys keys = new ScannedKeys();
    private PayloadSpill spill;
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
        try {
            bundle.forEachEntry(scan);
            return scan.finish();
        } catch (IOException | RuntimeException e) {
            scan.close();
            throw e;
        }
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
     * Hashes, parses, checks the signatures of and packs a batch of entries over the pool's threads into the slots
     * from {@code from} on (each entry's slot is its own). The batch's key-registrations are learned before its
     * signatures are checked, so an entry signed by a key registered earlier in the same batch is checked too.
     */
    private void keep(List<Read> reads, int from) {
        Object[] parsed = new Object[reads.size()];
        IntStream.range(0, reads.size()).parallel().forEach(i -> {
            Read read = reads.get(i);
            int at = from + i;
            indexes[at] = read.index();
            if (read.bytes() == null) {
                parsed[i] = Loaded.failed(read.error());
                return;
            }
            leafHashes[at] = Merkle.leafHash(read.bytes());
            parsed[i] = parse(read.bytes());
        });
        BatchColumns.Read[] columns = new BatchColumns.Read[parsed.length];
        for (int i = 0; i < parsed.length; i++) {
            if (parsed[i] instanceof Envelope.Read<?> r) {
                columns[i] = (BatchColumns.Read) r.compact();
                parsed[i] = r.envelope();
            }
        }
        for (Object entry : parsed) {
            if (entry instanceof Envelope e && e.kind().equals(Kinds.KEY_REGISTRATION)) {
                keys.learn(e);
            }
        }
        byte[][] payloads = new byte[parsed.length][];
        for (int i = 0; i < parsed.length; i++) {
            payloads[i] = parsed[i] instanceof Envelope e ? e.payload() : null;
        }
        long[] positions = new long[parsed.length];
        try {
            spill = spill != null ? spill : PayloadSpill.open();
            long position = spill.append(payloads);
            for (int i = 0; i < parsed.length; i++) {
                positions[i] = position;
                position += payloads[i] == null ? 0 : payloads[i].length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the bundle's entries in a temporary file: " + e.getMessage(), e);
        }
        IntStream.range(0, reads.size()).parallel().forEach(i -> envelopes[from + i] = parsed[i] instanceof Envelope e
                ? new Packed(e.payloadType().intern(), e.kind().intern(), positions[i], payloads[i].length,
                        crc32c(payloads[i]), e.signatures(), verdicts(e), columns[i])
                : parsed[i]);
    }

    /** For each of the envelope's signatures, whether it verifies by the key its key id names, if one is known. */
    private byte[] verdicts(Envelope envelope) {
        List<DsseSignature> signatures = envelope.signatures();
        byte[] verdicts = new byte[signatures.size()];
        byte[] pae = null;
        for (int i = 0; i < verdicts.length; i++) {
            DecodedPublicKey key = keys.named(signatures.get(i).keyId());
            if (key != null) {
                pae = pae != null ? pae : envelope.pae();
                verdicts[i] = key.verify(pae, signatures.get(i).sig()) ? VERIFIES : FAILS;
            }
        }
        return verdicts;
    }

    /** The entry's leaf hash, or null when its bytes could not be read (its envelope says why). */
    byte[] leafHash(long index) {
        int at = Arrays.binarySearch(indexes, index);
        return at < 0 ? null : leafHashes[at];
    }

    /** The kind of a readable entry's envelope, without reading its payload back; null when it is not readable. */
    String kind(long index) {
        int at = Arrays.binarySearch(indexes, index);
        return at >= 0 && envelopes[at] instanceof Packed p ? p.kind() : null;
    }

    /** A readable entry's signatures, without reading its payload back; null when it is not readable. */
    List<DsseSignature> signatures(long index) {
        int at = Arrays.binarySearch(indexes, index);
        return at >= 0 && envelopes[at] instanceof Packed p ? p.signatures() : null;
    }

    /**
     * Whether the readable entry's signature at {@code position} verifies by {@code key}, checked as the entry was
     * scanned; empty when it was not checked by that very key (no key-registration scanned by then carried it).
     */
    Optional<Boolean> signatureVerifies(long index, int position, PublicKeyInfo key) {
        int at = Arrays.binarySearch(indexes, index);
        if (at < 0 || !(envelopes[at] instanceof Packed p) || position >= p.verdicts().length) {
            return Optional.empty();
        }
        DecodedPublicKey scanned = keys.named(p.signatures().get(position).keyId());
        if (scanned == null || !scanned.info().equals(key)) {
            return Optional.empty(); // checked by another key, or none: the caller verifies by its own
        }
        return switch (p.verdicts()[position]) {
            case VERIFIES -> Optional.of(true);
            case FAILS -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** A readable columnar batch's columns, as the scan read them; null for any other entry. */
    BatchColumns.Read batchColumns(long index) {
        int at = Arrays.binarySearch(indexes, index);
        return at >= 0 && envelopes[at] instanceof Packed p ? p.columns() : null;
    }

    @SuppressWarnings("unchecked")
    Loaded<Envelope> envelope(long index) {
        int at = Arrays.binarySearch(indexes, index);
        if (at < 0) {
            return Loaded.failed("entry " + index + " is not bundled");
        }
        Object envelope = envelopes[at];
        return envelope instanceof Packed p ? Loaded.of(unpacked(p)) : (Loaded<Envelope>) envelope;
    }

    /**
     * An envelope with its payload in the spill file, its kind (read from its payloadType once, here) and, for each
     * signature, {@link #VERIFIES}, {@link #FAILS} or {@link #UNCHECKED}; a columnar batch's columns as the scan read
     * them (the calculation's evidence, not read twice), else null. Types and kinds are interned: a year's 180,000
     * entries share a handful.
     */
    private record Packed(String payloadType, String kind, long payloadPosition, int payloadBytes, int payloadCrc32c,
            List<DsseSignature> signatures, byte[] verdicts, BatchColumns.Read columns) {}

    /**
     * The envelope with its payload read back, checked against the CRC-32C taken when its signatures were checked: the
     * checks after the scan must see the bytes the leaf hash and signatures covered, not a disk's or a file's error.
     */
    private Envelope unpacked(Packed packed) {
        byte[] payload = spill.read(packed.payloadPosition(), packed.payloadBytes());
        if (crc32c(payload) != packed.payloadCrc32c()) {
            throw new UncheckedIOException(new IOException("a payload read back from the verifier's temporary file is not"
                    + " the one scanned: the file changed under the verification"));
        }
        return new Envelope(packed.payloadType(), payload, packed.signatures());
    }

    private static int crc32c(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    /**
     * Removes the spill file: the entries' payloads are no longer readable. A batch still being kept (a scan that
     * failed midway) is waited for first, so it cannot open or write a file after this.
     */
    @Override
    public void close() throws IOException {
        if (keeping != null) {
            try {
                keeping.join();
            } catch (RuntimeException e) {
                // the scan's failure is reported by whoever read the bundle; only the file is of concern here
            }
            keeping = null;
        }
        if (spill != null) {
            spill.close();
        }
    }

    /**
     * The entry read as a DSSE envelope (signer's strict Envelope.parseWith, which also refuses a record whose kind is not
     * the payloadType's; a columnar batch read in one pass by the calculation's reader, which takes only its RFC 8785
     * form), accepted only if the bytes are exactly the envelope's RFC 8785 canonical form.
     */
    private static Object parse(byte[] bytes) {
        try {
            Envelope.Read<BatchColumns.Read> read = Envelope.parseWith(bytes, EntryScan::columns);
            if (!read.canonical()) {
                return Loaded.failed("not RFC 8785 canonical JSON: the bytes differ from the envelope's canonical form");
            }
            return read;
        } catch (SignerException e) {
            return Loaded.failed("not a DSSE envelope: " + e.getMessage());
        }
    }

    private static BatchColumns.Read columns(String kind, byte[] payload) {
        return kind.equals(Kinds.METER_READING_BATCH) ? BatchColumns.read(payload) : null;
    }
}
