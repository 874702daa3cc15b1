package org.cbamledger.calculation.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.TestEvidence;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StatementJwsTest {

    @Test
    void sign_thenVerifyReturnsTheStatementWithItsFigures() throws Exception {
        Scenario scenario = ScenarioLoader.load(TestEvidence.WORKED_EXAMPLE);
        JsonNode statement = EmissionsStatements.build(
                EmissionsCalculator.calculate(scenario.request(TestEvidence.of(scenario))),
                new StatementIssue("st-1", "2026-11-22T10:00:00Z", "extruder", "importer"));
        SigningKey operator = SigningKey.generate(KeyAlgorithm.ED25519);
        String jws = StatementJws.sign(statement, operator);
        JsonNode verified = StatementJws.verify(jws, operator.publicKey());
        assertEquals("430.562", verified.at("/emissions/totalTco2").asString());
        assertEquals("23630.03", verified.at("/cost/actualEur").asString());
        SigningKey other = SigningKey.generate(KeyAlgorithm.ED25519);
        assertThrows(CalculationException.class, () -> StatementJws.verify(jws, other.publicKey()));
    }
}
