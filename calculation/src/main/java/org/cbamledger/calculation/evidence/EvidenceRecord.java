package org.cbamledger.calculation.evidence;

import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * One ledger entry as the engine sees it: the record's kind, the record (the DSSE payload), and the entry's leaf
 * index and leaf hash (lowercase hex). The service and the offline verifier build the same list.
 * {@code pointerBase} is where the record sits inside the entry's payload: empty, or {@code /replacement} for the
 * replacement record of a {@code correction}.
 */
public record EvidenceRecord(String kind, JsonNode record, long leafIndex, String leafHashHex, String pointerBase) {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    public EvidenceRecord {
        if (leafIndex < 0) {
            throw new IllegalArgumentException("leaf index must not be negative: " + leafIndex);
        }
        if (!HASH.matcher(leafHashHex).matches()) {
            throw new IllegalArgumentException("leaf hash must be 64 lowercase hex digits: " + leafHashHex);
        }
        if (!record.isObject()) {
            throw new IllegalArgumentException("record at leaf " + leafIndex + " is not a JSON object");
        }
    }

    public EvidenceRecord(String kind, JsonNode record, long leafIndex, String leafHashHex) {
        this(kind, record, leafIndex, leafHashHex, "");
    }

    /**
     * The evidence record of a log entry as the log stores it (its bytes, read from the log or a bundle) at a leaf
     * index: parsed once ({@link org.cbamledger.signer.Envelope#parseWithRecord}), its leaf hash that of those bytes.
     */
    public static EvidenceRecord fromEntry(byte[] entry, long leafIndex) throws org.cbamledger.signer.SignerException {
        org.cbamledger.signer.Envelope.Parsed parsed = org.cbamledger.signer.Envelope.parseWithRecord(entry);
        return new EvidenceRecord(parsed.envelope().kind(), parsed.record(), leafIndex,
                java.util.HexFormat.of().formatHex(org.cbamledger.signer.Merkle.leafHash(entry)));
    }

    /** The evidence record of a log entry: its DSSE envelope and its leaf index. */
    public static EvidenceRecord fromEnvelope(org.cbamledger.signer.Envelope envelope, long leafIndex)
            throws org.cbamledger.signer.SignerException {
        return new EvidenceRecord(envelope.kind(), envelope.record(), leafIndex,
                java.util.HexFormat.of().formatHex(envelope.leafHash()));
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
