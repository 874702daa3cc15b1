package org.cbamledger.calculation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import org.cbamledger.signer.CanonicalJson;
import org.cbamledger.signer.Merkle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns records into evidence as a log would hold them: the record's RFC 8785 bytes, parsed back the way the
 * service parses a payload (floats as doubles), leaf index = position, leaf hash = RFC 9162 leaf hash of the bytes.
 */
public final class TestEvidence {
    public static final Path WORKED_EXAMPLE = Path.of("..", "scenarios", "turkish-extruder-2026");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private TestEvidence() {}

    public static List<EvidenceRecord> of(Scenario scenario) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (ScenarioRecord record : scenario.records()) {
            records.add(record.record());
        }
        return ofRecords(records);
    }

    public static List<EvidenceRecord> ofRecords(List<? extends JsonNode> records) throws Exception {
        List<EvidenceRecord> evidence = new ArrayList<>();
        for (JsonNode record : records) {
            evidence.add(entry(record, evidence.size()));
        }
        return evidence;
    }

    public static EvidenceRecord entry(JsonNode record, long leafIndex) throws Exception {
        byte[] canonical = CanonicalJson.canonicalize(record);
        return new EvidenceRecord(record.get("kind").asString(), MAPPER.readTree(canonical), leafIndex,
                HexFormat.of().formatHex(Merkle.leafHash(canonical)));
    }
}
