package org.cbamledger.calculation.statement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.core.Decimals;
import org.cbamledger.calculation.core.UsedEvidence;
import org.cbamledger.calculation.trace.EntrySet;
import org.cbamledger.calculation.trace.Figure;
import org.cbamledger.calculation.trace.Operation;
import org.cbamledger.calculation.trace.TraceInput;
import org.cbamledger.calculation.trace.TraceInput.EvidenceRef;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The trace as a statement lists it in {@code evidence.figures}: every figure with its inputs, except that a sum of
 * more than {@value #MAX_READINGS_LISTED} evidence fields (a year of a meter's 15-minute readings) names each entry
 * once, not each reading: two or more consecutive fields of one entry become one input {@code {"entry": {"leafIndex",
 * "leafHash", "kind", "fields"}, "value"}}, the value the exact sum of those fields. A year of 50 meters' readings
 * (1.3 million fields, a 312 MB JWS when listed one by one) so grows with the batch entries, not the readings; a
 * verifier recomputing from the bundled entries rebuilds the same subtotals, so every figure still ties to hashed
 * evidence and one changed reading changes its entry's leaf hash and subtotal.
 */
public final class StatementTrace {
    /** A day of hourly readings stays listed field by field; a sum over more is listed per entry. */
    public static final int MAX_READINGS_LISTED = 48;
    /** Entries of a kind listed one by one in {@code evidence.entries}; more (a plant's year of batches) become one entry set. */
    public static final int MAX_ENTRIES_LISTED_PER_KIND = 5_000;

    private StatementTrace() {}

    /**
     * {@code evidence.entries}: each used entry {@code {leafIndex, leafHash, kind}}, except the entries of a kind used
     * more than {@value #MAX_ENTRIES_LISTED_PER_KIND} times, listed after them as one {@code {"entries": EntrySet}}
     * per kind (leaf indexes as runs and the SHA-256 of their leaf hashes).
     */
    public static ArrayNode entriesJson(CalculationResult result) {
        Map<String, List<UsedEvidence>> byKind = new TreeMap<>();
        result.usedEvidence().forEach(u -> byKind.computeIfAbsent(u.kind(), k -> new ArrayList<>()).add(u));
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (UsedEvidence used : result.usedEvidence()) {
            if (byKind.get(used.kind()).size() <= MAX_ENTRIES_LISTED_PER_KIND) {
                array.addObject().put("leafIndex", used.leafIndex()).put("leafHash", used.leafHashHex()).put("kind", used.kind());
            }
        }
        byKind.forEach((kind, entries) -> {
            if (entries.size() > MAX_ENTRIES_LISTED_PER_KIND) {
                array.addObject().set("entries", new EntrySet(kind, entries).toJson());
            }
        });
        return array;
    }

    public static ArrayNode figuresJson(CalculationResult result) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Figure figure : result.figures()) {
            array.add(perEntry(figure) ? grouped(figure) : figure.toJson());
        }
        return array;
    }

    private static boolean perEntry(Figure figure) {
        return figure.operation() == Operation.SUM
                && figure.inputs().stream().filter(i -> i instanceof EvidenceRef).count() > MAX_READINGS_LISTED;
    }

    private static ObjectNode grouped(Figure figure) {
        ObjectNode node = figure.toJson();
        ArrayNode inputs = node.putArray("inputs");
        List<TraceInput> all = figure.inputs();
        for (int i = 0; i < all.size(); ) {
            if (!(all.get(i) instanceof EvidenceRef first)) {
                inputs.add(all.get(i++).toJson());
                continue;
            }
            BigDecimal sum = BigDecimal.ZERO;
            int fields = 0;
            while (i < all.size() && all.get(i) instanceof EvidenceRef ref && ref.leafIndex() == first.leafIndex()) {
                sum = sum.add(ref.value());
                fields++;
                i++;
            }
            if (fields == 1) {
                inputs.add(first.toJson());
                continue;
            }
            ObjectNode input = inputs.addObject();
            ObjectNode entry = input.putObject("entry");
            entry.put("leafIndex", first.leafIndex());
            entry.put("leafHash", first.leafHashHex());
            entry.put("kind", first.kind());
            entry.put("fields", fields);
            input.put("value", Decimals.plain(sum));
        }
        return node;
    }
}
