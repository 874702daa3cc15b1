package org.cbamledger.calculation.electricity;

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

    /** The evidence without the records {@code drop} matches: how the gap tests remove evidence piece by piece. */
    public static List<EvidenceRecord> evidenceWithout(Predicate<JsonNode> drop) throws Exception {
        List<JsonNode> kept = new ArrayList<>();
        for (ScenarioRecord record : records()) {
            if (!drop.test(record.record())) {
                kept.add(record.record());
            }
        }
        return TestEvidence.ofRecords(kept);
    }

    public static List<EvidenceRecord> evidence() throws Exception {
        return evidenceWithout(r -> false);
    }
}
