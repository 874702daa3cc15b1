package org.cbamledger.calculation.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.JsonNode;

/**
 * The evidence a calculation may use, ordered by leaf index. A {@code correction} entry (api-spec
 * correction.schema.json) supersedes the entry with its {@code supersedesLeafHash}: the superseded record is left
 * out and the correction's {@code replacement} is used in its place, traced to the correction's leaf. Nothing is
 * edited; a verifier sees both entries.
 */
public final class EvidenceSet {
    public static final String CORRECTION = Kinds.CORRECTION;
    private final Map<String, List<EvidenceRecord>> byKind = new HashMap<>();

    private EvidenceSet(List<EvidenceRecord> current) {
        Map<String, List<EvidenceRecord>> lists = new HashMap<>();
        current.forEach(r -> lists.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r));
        lists.forEach((kind, records) -> byKind.put(kind, List.copyOf(records)));
    }

    public static EvidenceSet of(List<EvidenceRecord> evidence) throws CalculationException {
        List<EvidenceRecord> sorted = new ArrayList<>(evidence);
        sorted.sort(Comparator.comparingLong(EvidenceRecord::leafIndex));
        Set<Long> indexes = new HashSet<>();
        Set<String> superseded = new HashSet<>();
        List<EvidenceRecord> records = new ArrayList<>();
        for (EvidenceRecord record : sorted) {
            if (!indexes.add(record.leafIndex())) {
                throw new CalculationException("two evidence records at leaf " + record.leafIndex());
            }
            if (!record.kind().equals(record.record().path("kind").asString(""))) {
                throw new CalculationException(record.describe() + ": /kind does not match the entry's kind");
            }
            if (!record.kind().equals(CORRECTION)) {
                records.add(record);
                continue;
            }
            superseded.add(record.record().path("supersedesLeafHash").asString(""));
            JsonNode replacement = record.record().path("replacement");
            String kind = replacement.path("kind").asString("");
            if (!replacement.isObject() || kind.isEmpty() || kind.equals(CORRECTION)) {
                throw new CalculationException(record.describe() + ": /replacement must be a record of another kind");
            }
            records.add(new EvidenceRecord(kind, replacement, record.leafIndex(), record.leafHashHex(), "/replacement"));
        }
        return new EvidenceSet(records.stream().filter(r -> !superseded.contains(r.leafHashHex())).toList());
    }

    /** The current records of a kind, by leaf index. */
    public List<EvidenceRecord> ofKind(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }
}
