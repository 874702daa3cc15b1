package org.cbamledger.calculation.statement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
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

class StatementRenderingsTest {

    @Test
    void issuedStatement_signsTheSha256OfItsPdf_whichRendersAgainByteForByte() throws Exception {
        Scenario scenario = ScenarioLoader.load(TestEvidence.WORKED_EXAMPLE);
        List<EvidenceRecord> evidence = TestEvidence.of(scenario);
        CalculationResult result = EmissionsCalculator.calculate(scenario.request(evidence));
        SigningKey operator = SigningKey.generate(KeyAlgorithm.ED25519);
        String body = new Checkpoint("cbam-ledger/tr-extruder", evidence.size(), new byte[32], List.of()).body();
        String checkpoint = NoteSigner.sign(body, new NoteSigner("cbam-ledger/tr-extruder", operator));
        IssuedStatement issued = StatementIssuer.issue(result,
                new StatementIssue("st-9", "2026-11-22T10:00:00Z", "extruder", "importer"), checkpoint, operator);

        JsonNode signed = StatementJws.verify(issued.jws(), operator.publicKey());
        assertEquals(Optional.of(StatementRenderings.sha256Hex(issued.pdf())), StatementRenderings.boundPdfSha256(signed));
        assertArrayEquals(issued.pdf(), StatementPdfRenderer.render(signed));
        assertEquals(List.of(), StatementRecomputer.recompute(signed, evidence));
    }

    @Test
    void statementWithoutRenderings_bindsNoPdf() throws Exception {
        JsonNode statement = tools.jackson.databind.json.JsonMapper.builder().build().readTree("{\"kind\":\"emissions-statement\"}");
        assertEquals(Optional.empty(), StatementRenderings.boundPdfSha256(statement));
    }
}
