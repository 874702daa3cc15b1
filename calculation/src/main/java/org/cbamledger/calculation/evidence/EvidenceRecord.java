package org.cbamledger.calculation.evidence;

import java.util.HexFormat;
import java.util.function.Function;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.SignerException;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.JsonNode;

/**
 * One ledger entry as the engine sees it: the record's kind, the record (the DSSE payload), and the entry's leaf
 * index and leaf hash (lowercase hex). The service and the offline verifier build the same list.
 * {@code pointerBase} is where the record sits inside the entry's payload: empty, or {@code /replacement} for the
 * replacement record of a {@code correction}. A columnar meter-reading-batch read by {@link BatchColumns} has its
 * {@code columns}, and its {@code record} holds the other members only; any other record has null columns.
 */
public record EvidenceRecord(String kind, JsonNode record, long leafIndex, String leafHashHex, String pointerBase,
        BatchColumns columns) {
    private static final int HASH_HEX_DIGITS = 64;

    public EvidenceRecord {
        if (leafIndex < 0) {
            throw new IllegalArgumentException("leaf index must not be negative: " + leafIndex);
        }
        if (!isHashHex(leafHashHex)) {
            throw new IllegalArgumentException("leaf hash must be 64 lowercase hex digits: " + leafHashHex);
        }
        if (!record.isObject()) {
            throw new IllegalArgumentException("record at leaf " + leafIndex + " is not a JSON object");
        }
    }

    public EvidenceRecord(String kind, JsonNode record, long leafIndex, String leafHashHex, String pointerBase) {
        this(kind, record, leafIndex, leafHashHex, pointerBase, null);
    }

    public EvidenceRecord(String kind, JsonNode record, long leafIndex, String leafHashHex) {
        this(kind, record, leafIndex, leafHashHex, "");
    }

    /** 64 lowercase hex digits, checked by hand: a plant's year makes 180,000 records, a regular expression each. */
    private static boolean isHashHex(String hex) {
        if (hex.length() != HASH_HEX_DIGITS) {
            return false;
        }
        for (int i = 0; i < HASH_HEX_DIGITS; i++) {
            char c = hex.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The evidence record of a log entry as the log stores it (its bytes, read from the log or a bundle) at a leaf
     * index: parsed once and strictly ({@link Envelope#parseWith}; a columnar batch into its columns, without a tree),
     * its leaf hash that of those bytes.
     */
    public static EvidenceRecord fromEntry(byte[] entry, long leafIndex) throws SignerException {
        return fromEntry(entry, 0, entry.length, leafIndex);
    }

    /** {@link #fromEntry(byte[], long)} of the entry at [from, to) of {@code bytes} (in an entry bundle), read in place. */
    public static EvidenceRecord fromEntry(byte[] bytes, int from, int to, long leafIndex) throws SignerException {
        Envelope.EntryRead<BatchColumns.Read> read = Envelope.readEntry(bytes, from, to, EvidenceRecord::columns);
        return of(read.kind(), read.record(), read.compact(), leafIndex,
                HexFormat.of().formatHex(Merkle.leafHash(bytes, from, to)));
    }

    /** The evidence record of a log entry: its DSSE envelope (parsed strictly beforehand) and its leaf index. */
    public static EvidenceRecord fromEnvelope(Envelope envelope, long leafIndex) throws SignerException {
        String kind = envelope.kind();
        BatchColumns.Read columns = columns(kind, envelope.payload());
        return of(kind, columns == null ? envelope.record() : null, columns, leafIndex,
                HexFormat.of().formatHex(envelope.leafHash()));
    }

    /**
     * The record of a payload already proven canonical (an envelope parsed strictly): a columnar batch as its columns
     * when {@link BatchColumns#read} takes it, anything else as the tree {@code tree} makes.
     */
    public static EvidenceRecord fromPayload(String kind, byte[] payload, long leafIndex, String leafHashHex,
            Function<byte[], JsonNode> tree) {
        BatchColumns.Read columns = columns(kind, payload);
        return of(kind, columns == null ? tree.apply(payload) : null, columns, leafIndex, leafHashHex);
    }

    /** The evidence record of a columnar batch already read ({@link BatchColumns#read}) from a strictly parsed entry. */
    public static EvidenceRecord fromColumns(BatchColumns.Read columns, long leafIndex, String leafHashHex) {
        return of(Kinds.METER_READING_BATCH, null, columns, leafIndex, leafHashHex);
    }

    private static BatchColumns.Read columns(String kind, byte[] payload) {
        return kind.equals(Kinds.METER_READING_BATCH) ? BatchColumns.read(payload) : null;
    }

    private static EvidenceRecord of(String kind, JsonNode tree, BatchColumns.Read columns, long leafIndex, String leafHashHex) {
        return columns == null ? new EvidenceRecord(kind, tree, leafIndex, leafHashHex)
                : new EvidenceRecord(kind, columns.head(), leafIndex, leafHashHex, "", columns.columns());
    }

    /** The kind of the ledger entry: the record's kind, or {@code correction} for a correction's replacement. */
    public String entryKind() {
        return pointerBase.isEmpty() ? kind : EvidenceSet.CORRECTION;
    }

    /** How messages name this entry: {@code production-batch at leaf 4}. */
    public String describe() {
        return kind + " at leaf " + leafIndex + (pointerBase.isEmpty() ? "" : " (correction" + pointerBase + ")");
    }
}
