package org.cbamledger.verifier.check;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.cbamledger.calculation.evidence.BatchColumns;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.signer.Envelope;
import org.cbamledger.spec.Kinds;
import org.cbamledger.verifier.bundle.ManifestEntry;
import org.cbamledger.verifier.context.BundleContext;
import org.cbamledger.verifier.context.Loaded;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The bundled entries as the calculation engine reads them, parsed once for every check that recomputes (statement,
 * calculation, electricity). Entries that do not parse are left out: the entry checks report them, and a figure that
 * needed one then differs. A columnar batch is held as its columns ({@link EvidenceRecord#fromPayload}, a few
 * bytes a reading); in other records short strings that recur share one node.
 */
final class BundledEvidence {
    private static final JsonMapper RECORDS = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .nodeFactory(new SharedStrings())
            .build();

    /**
     * A batch's raw register words are evidence for people (what the meter showed), not an input of any figure: the
     * engine reads {@code energyKwh} and {@code quality}. They are a third of a quarter-hour batch's nodes, so the
     * verifier's copy goes without them; a figure that ever read them would then differ, never silently pass.
     */
    static final String RAW_REGISTERS = "rawRegisterValues";

    private BundledEvidence() {}

    /** Every readable bundled entry with a leaf index below {@code treeSize}, in index order. */
    static List<EvidenceRecord> before(BundleContext context, long treeSize) {
        List<EvidenceRecord> all = context.derived(BundledEvidence.class, () -> read(context));
        int end = 0;
        while (end < all.size() && all.get(end).leafIndex() < treeSize) {
            end++;
        }
        return all.subList(0, end);
    }

    /**
     * Read on the threads of the pool the check runs in (each entry on its own, thread-safe readers), collected in
     * index order: the list is the same as one thread's.
     */
    private static List<EvidenceRecord> read(BundleContext context) {
        context.readEntries(); // here, once, not by whichever worker asks first
        return context.manifest().entries().parallelStream().map(entry -> record(context, entry))
                .filter(Objects::nonNull).toList();
    }

    /** The entry as evidence, or null when it is unreadable or not a JSON object record (the entry checks say why). */
    private static EvidenceRecord record(BundleContext context, ManifestEntry entry) {
        byte[] leafHash = context.leafHash(entry.index());
        BatchColumns.Read columns = context.batchColumns(entry.index());
        if (columns != null && leafHash != null) {
            return EvidenceRecord.fromColumns(columns, entry.index(), HexFormat.of().formatHex(leafHash));
        }
        Loaded<Envelope> envelope = context.envelope(entry.index());
        if (!envelope.ok() || leafHash == null) {
            return null;
        }
        try {
            String kind = envelope.value().kind();
            return EvidenceRecord.fromPayload(kind, envelope.value().payload(), entry.index(),
                    HexFormat.of().formatHex(leafHash), payload -> tree(kind, payload));
        } catch (JacksonException | IllegalArgumentException e) {
            return null; // not a JSON object record: EntryFormatCheck reports it
        }
    }

    /** A record that is not a columnar batch {@link EvidenceRecord#fromPayload} reads: its tree, without raw registers. */
    private static JsonNode tree(String kind, byte[] payload) {
        JsonNode record = RECORDS.readTree(payload);
        if (kind.equals(Kinds.METER_READING_BATCH) && record instanceof ObjectNode batch) {
            batch.remove(RAW_REGISTERS);
        }
        return record;
    }

    /** One node per distinct short string, within a bounded table. */
    private static final class SharedStrings extends JsonNodeFactory {
        private static final int MAX_LENGTH = 32;
        private static final int MAX_STRINGS = 1 << 16;
        // concurrent: the mapper, and so this table, is shared by every verification the JVM runs, possibly at once
        private final transient Map<String, StringNode> seen = new ConcurrentHashMap<>();

        @Override
        public StringNode stringNode(String text) {
            if (text == null || text.length() > MAX_LENGTH) {
                return super.stringNode(text);
            }
            StringNode node = seen.get(text);
            if (node == null) {
                if (seen.size() >= MAX_STRINGS) { // >=: threads adding at once can pass the bound together
                    seen.clear();
                }
                node = super.stringNode(text);
                seen.put(text, node);
            }
            return node;
        }
    }
}
