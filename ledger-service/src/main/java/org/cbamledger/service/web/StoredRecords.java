package org.cbamledger.service.web;

import java.util.HexFormat;
import java.util.List;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.service.store.OpenedEnvelope;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.signer.JsonMappers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The records of stored entries, read without validating their envelopes again: every stored entry passed
 * {@code Envelope.parse} and its signature checks when it was appended, and re-validating (canonicalising every
 * payload once more) was most of an uncached view's time on a plant's year. The payload is read with the mapper the
 * strict parse uses ({@link JsonMappers#I_JSON}), so the records and their numbers are the same as before. The
 * entries are read on every core, in order.
 */
final class StoredRecords {
    private StoredRecords() {}

    /** One entry read: its record, or why it cannot be read. */
    record Read(EvidenceRecord record, String problem) {}

    static List<Read> of(List<StoredEntry> entries) {
        return entries.parallelStream().map(StoredRecords::read).toList();
    }

    private static Read read(StoredEntry entry) {
        try {
            JsonNode record = JsonMappers.I_JSON.readTree(OpenedEnvelope.of(entry).payload());
            return new Read(new EvidenceRecord(entry.kind(), record, entry.index(), HexFormat.of().formatHex(entry.leafHash())),
                    null);
        } catch (JacksonException | IllegalArgumentException e) {
            return new Read(null, "entry " + entry.index() + " does not parse as a record: " + e.getMessage());
        }
    }
}
