package org.cbamledger.bench.year;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.core.Decimals;
import org.cbamledger.calculation.core.FigureIds;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.statement.CalculationRecords;
import org.cbamledger.calculation.statement.FigureDifference;
import org.cbamledger.calculation.statement.IssuedStatement;
import org.cbamledger.calculation.statement.StatementIssue;
import org.cbamledger.calculation.statement.StatementIssuer;
import org.cbamledger.calculation.statement.StatementJws;
import org.cbamledger.calculation.statement.StatementRecomputer;
import org.cbamledger.signer.CanonicalJson;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.NoteSigner;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.RecordValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A plant read for 3 days of its year (5 meters): the figures are not round (a quotient's 34 significant digits), and
 * the calculation entry and the statement still state them as the verifier reads them, and recompute.
 */
class ShortPeriodStatementTest {
    private static final Path HOME = Path.of("..");
    static PlantYear plant;
    static List<EvidenceRecord> evidence;
    static CalculationResult result;
    static SigningKey issuer;

    @BeforeAll
    static void calculate() throws Exception {
        plant = PlantYear.of(HOME, 5, 3);
        evidence = YearRun.evidence(CalculationBench.entries(plant));
        result = EmissionsCalculator.calculate(plant.scenario.request(evidence));
        issuer = SigningKey.generate(KeyAlgorithm.ED25519);
    }

    @Test
    void calculationEntry_ofThreeDays_statesIndirectEmissionsTheVerifierReads_andRecomputes() throws Exception {
        ObjectNode record = CalculationRecords.build(result, "calc-short");
        RecordValidator.validateAgainst(CalculationRecords.KIND, record);
        JsonNode signed = Envelope.parse(YearRun.sign(record, issuer)).record();
        // read as the verifier's electricity check reads it
        JsonNode indirect = signed.path("outputs").path(FigureIds.INDIRECT);
        assertTrue(Decimals.isDecimal(indirect), "stated " + indirect);
        assertEquals(0, Decimals.fromJson(indirect).compareTo(result.value(FigureIds.INDIRECT)));
        assertTrue(result.value(FigureIds.INDIRECT).precision() > 12, "three days give an unround figure");
        // the calculation's one precision policy, not the exact quotient's 41 digits that the verifier once could not read
        assertTrue(Decimals.fromJson(indirect).precision() <= Decimals.SIGNIFICANT_DIGITS, "stated " + indirect);
        assertEquals(List.of(), StatementRecomputer.recomputeCalculation(signed, evidence));
    }

    @Test
    void statement_ofThreeDays_isIssued_validates_andEveryFigureRecomputes() throws Exception {
        String origin = "bench.cbam-ledger.example/short";
        String checkpoint = NoteSigner.sign(new Checkpoint(origin, evidence.size(), new byte[32], List.of()).body(),
                new NoteSigner(origin, issuer));
        IssuedStatement statement = StatementIssuer.issue(result, new StatementIssue("st-short", "2026-01-04T00:00:00Z",
                plant.scenario.statementIssuer(), plant.scenario.statementRecipient()), checkpoint, issuer);
        JsonNode payload = StatementJws.verify(statement.jws(), issuer.publicKey());
        RecordValidator.validateAgainst("emissions-statement", payload);
        JsonNode parsed = YearClient.JSON.readTree(CanonicalJson.canonicalize(payload));
        List<FigureDifference> differences = StatementRecomputer.recompute(parsed, evidence);
        assertEquals(List.of(), differences);
        for (JsonNode figure : parsed.at("/evidence/figures")) {
            assertTrue(Decimals.isDecimal(figure.path("value")), figure.path("id") + " = " + figure.path("value"));
            assertTrue(Decimals.fromJson(figure.path("value")).precision() <= Decimals.SIGNIFICANT_DIGITS, figure.toString());
        }
    }
}
