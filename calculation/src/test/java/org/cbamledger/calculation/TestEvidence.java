package org.cbamledger.calculation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import org.cbamledger.calculation.scenario.UnloggedEvidence;
import tools.jackson.databind.JsonNode;

/**
 * Turns records into evidence as a log would hold them ({@link UnloggedEvidence}).
 */
public final class TestEvidence {
    public static final Path WORKED_EXAMPLE = Path.of("..", "scenarios", "turkish-extruder-2026");

    private TestEvidence() {}

    public static List<EvidenceRecord> of(Scenario scenario) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (ScenarioRecord record : scenario.records()) {
            records.add(record.record());
        }
        return ofRecords(records);
    }

    public static List<EvidenceRecord> ofRecords(List<? extends JsonNode> records) throws Exception {
        return UnloggedEvidence.of(records);
    }

    public static EvidenceRecord entry(JsonNode record, long leafIndex) throws Exception {
        return UnloggedEvidence.entry(record, leafIndex);
    }
}
