package org.cbamledger.calculation.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.TestEvidence;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.NoteSigner;
import org.cbamledger.signer.SigningKey;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StatementIssuerTest {

    private static String signedCheckpoint(long size) {
        String body = new Checkpoint("cbam-ledger/tr-extruder", size, new byte[32], List.of()).body();
        return NoteSigner.sign(body, new NoteSigner("cbam-ledger/tr-extruder", SigningKey.generate(KeyAlgorithm.ED25519)));
    }

    @Test
    void issue_bindsTheCheckpointSignsAndRenders() throws Exception {
        Scenario scenario = ScenarioLoader.load(TestEvidence.WORKED_EXAMPLE);
        List<EvidenceRecord> evidence = TestEvidence.of(scenario);
        CalculationResult result = EmissionsCalculator.calculate(scenario.request(evidence));
        SigningKey operator = SigningKey.generate(KeyAlgorithm.ED25519);
        String checkpoint = signedCheckpoint(evidence.size());
        IssuedStatement issued = StatementIssuer.issue(result,
                new StatementIssue("st-9", "2026-11-22T10:00:00Z", "extruder", "importer"), checkpoint, operator);
        JsonNode verified = StatementJws.verify(issued.jws(), operator.publicKey());
        assertEquals(checkpoint, verified.get("checkpoint").asString());
        assertEquals("430.562", verified.at("/emissions/totalTco2").asString());
        assertEquals(List.of(), StatementRecomputer.recompute(verified, evidence));
        assertEquals("%PDF", new String(issued.pdf(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void issue_refusesACheckpointThatDoesNotCoverTheEvidence() throws Exception {
        Scenario scenario = ScenarioLoader.load(TestEvidence.WORKED_EXAMPLE);
        List<EvidenceRecord> evidence = TestEvidence.of(scenario);
        CalculationResult result = EmissionsCalculator.calculate(scenario.request(evidence));
        CalculationException e = assertThrows(CalculationException.class, () -> StatementIssuer.issue(result,
                new StatementIssue("st-9", "2026-11-22T10:00:00Z", "extruder", "importer"),
                signedCheckpoint(evidence.size() - 1), SigningKey.generate(KeyAlgorithm.ED25519)));
        assertEquals("the checkpoint of size 8 does not cover evidence leaf 8", e.getMessage());
    }
}
