package org.cbamledger.calculation.electricity;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cbamledger.calculation.core.UsedEvidence;
import org.cbamledger.calculation.evidence.EvidenceRecord;

/** Per electricity class: the entries that support it and the resolutions (hourly, monthly) it was matched at. */
final class ClassEvidence {
    private final Map<ElectricityClass, Set<UsedEvidence>> evidence = new EnumMap<>(ElectricityClass.class);
    private final Map<ElectricityClass, Set<Resolution>> resolutions = new EnumMap<>(ElectricityClass.class);

    void add(ElectricityClass cls, EvidenceRecord record) {
        used(cls).add(new UsedEvidence(record.leafIndex(), record.leafHashHex(), record.kind()));
    }

    void addAll(ElectricityClass cls, Set<UsedEvidence> entries) {
        used(cls).addAll(entries);
    }

    void matchedAt(ElectricityClass cls, Resolution resolution) {
        resolutions.computeIfAbsent(cls, c -> EnumSet.noneOf(Resolution.class)).add(resolution);
    }

    List<UsedEvidence> evidence(ElectricityClass cls) {
        return List.copyOf(evidence.getOrDefault(cls, Set.of()));
    }

    Set<Resolution> resolutions(ElectricityClass cls) {
        return resolutions.getOrDefault(cls, Set.of());
    }

    private Set<UsedEvidence> used(ElectricityClass cls) {
        return evidence.computeIfAbsent(cls, c -> new LinkedHashSet<>());
    }
}
