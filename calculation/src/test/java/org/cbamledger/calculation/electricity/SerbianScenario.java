package org.cbamledger.calculation.electricity;

import org.cbamledger.calculation.scenario.ElectricityScenarioFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.cbamledger.calculation.TestEvidence;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import tools.jackson.databind.JsonNode;

/** The seed-002 scenario loaded as ledger evidence (records in submission order, leaf index = position). */
public final class SerbianScenario {
    public static final Path DIR = Path.of("..", "scenarios", "serbian-extruder-ppa-2026");
    public static final String GRID_FACTOR = "grid-RS-2026";

    private SerbianScenario() {}

    public static Scenario scenario() throws Exception {
        return ScenarioLoader.load(DIR);
    }

    private static List<ScenarioRecord> cached;

    /** Loaded once per test JVM: the files are read-only and loading them is the slow part. */
    public static synchronized List<ScenarioRecord> records() throws Exception {
        if (cached == null) {
            Scenario scenario = scenario();
            List<ScenarioRecord> all = new ArrayList<>(scenario.records());
            all.addAll(ElectricityScenarioFiles.load(DIR, scenario));
            cached = List.copyOf(all);
        }
        return cached;
    }

    private static List<EvidenceRecord> cachedEvidence;

    /**
     * The evidence without the entries {@code drop} matches, the others keeping their leaf index and hash: as if
     * those entries had never been submitted. How the gap tests remove evidence piece by piece.
     */
    public static List<EvidenceRecord> evidenceWithout(Predicate<JsonNode> drop) throws Exception {
        return evidence().stream().filter(e -> !drop.test(e.record())).toList();
    }

    /** Fresh copies of the records, to change before they become evidence. */
    public static List<tools.jackson.databind.node.ObjectNode> copies() throws Exception {
        List<tools.jackson.databind.node.ObjectNode> copies = new ArrayList<>();
        for (ScenarioRecord record : records()) {
            copies.add(record.record().deepCopy());
        }
        return copies;
    }

    private static java.util.Map<JsonNode, EvidenceRecord> byContent;

    /**
     * Records as evidence, leaf index = position. A record equal to one of the scenario's reuses that entry's
     * canonical form and leaf hash (canonicalizing 2,000 records is the slow part of these tests).
     */
    public static List<EvidenceRecord> evidenceOf(List<? extends JsonNode> records) throws Exception {
        synchronized (SerbianScenario.class) {
            if (byContent == null) {
                byContent = new java.util.HashMap<>();
                List<ScenarioRecord> originals = records();
                List<EvidenceRecord> entries = evidence();
                for (int i = 0; i < originals.size(); i++) {
                    byContent.put(originals.get(i).record(), entries.get(i));
                }
            }
        }
        List<EvidenceRecord> out = new ArrayList<>();
        for (JsonNode record : records) {
            EvidenceRecord known = byContent.get(record);
            out.add(known == null ? TestEvidence.entry(record, out.size())
                    : new EvidenceRecord(known.kind(), known.record(), out.size(), known.leafHashHex()));
        }
        return out;
    }

    /** All records as evidence, leaf index = position; built once per test JVM. */
    public static synchronized List<EvidenceRecord> evidence() throws Exception {
        if (cachedEvidence == null) {
            List<JsonNode> all = new ArrayList<>();
            for (ScenarioRecord record : records()) {
                all.add(record.record());
            }
            cachedEvidence = List.copyOf(TestEvidence.ofRecords(all));
        }
        return cachedEvidence;
    }
}
