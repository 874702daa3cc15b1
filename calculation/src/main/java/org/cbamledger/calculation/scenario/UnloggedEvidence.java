package org.cbamledger.calculation.scenario;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.signer.CanonicalJson;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.signer.SignerException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records as a log would hold them, without a log: each record's RFC 8785 bytes parsed back the way the service parses
 * a payload (floats as doubles), leaf index = position, leaf hash = RFC 9162 leaf hash of the bytes. The figures equal
 * those of the same records read back from a log; only the leaf indexes and hashes differ.
 */
public final class UnloggedEvidence {
    private static final JsonMapper MAPPER = JsonMappers.PLAIN;

    private UnloggedEvidence() {}

    public static List<EvidenceRecord> of(List<? extends JsonNode> records) throws SignerException {
        List<EvidenceRecord> evidence = new ArrayList<>();
        for (JsonNode record : records) {
            evidence.add(entry(record, evidence.size()));
        }
        return evidence;
    }

    public static EvidenceRecord entry(JsonNode record, long leafIndex) throws SignerException {
        byte[] canonical = CanonicalJson.canonicalize(record);
        return new EvidenceRecord(record.get("kind").asString(), MAPPER.readTree(canonical), leafIndex,
                HexFormat.of().formatHex(org.cbamledger.signer.Merkle.leafHash(canonical)));
    }
}
