package org.cbamledger.calculation;

import org.cbamledger.calculation.core.FigureIds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.rules.RuleSets;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.calculation.statement.EmissionsStatements;
import org.cbamledger.calculation.statement.StatementIssue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Example 1 of shared/examples/README.md, from the scenario files through the engine, to the last digit. */
class WorkedExampleTest {
    private static Scenario scenario;
    private static List<EvidenceRecord> evidence;
    private static CalculationResult seedTotal;
    private static CalculationResult definitive;

    @BeforeAll
    static void calculate() throws Exception {
        scenario = ScenarioLoader.load(TestEvidence.WORKED_EXAMPLE);
        evidence = TestEvidence.of(scenario);
        seedTotal = EmissionsCalculator.calculate(scenario.request(evidence));
        definitive = EmissionsCalculator.calculate(scenario.request(evidence, RuleSets.EU_DEFINITIVE_2026));
    }

    private static JsonNode statement(CalculationResult result) {
        return EmissionsStatements.build(result, new StatementIssue("st-1", "2026-11-22T00:00:00Z", "extruder", "importer"));
    }

    private static void assertNumber(String expected, JsonNode statement, String pointer) {
        JsonNode node = statement.at(pointer);
        assertTrue(node.isString(), pointer + " is a decimal string");
        assertEquals(expected, node.asString(), pointer);
    }

    @Test
    void seedTotal_statementFiguresAreExact() {
        JsonNode s = statement(seedTotal);
        assertNumber("430.562", s, "/emissions/totalTco2");
        assertNumber("158.202", s, "/emissions/directTco2");
        assertNumber("272.36", s, "/emissions/indirectTco2");
        assertNumber("0.215281", s, "/specific/totalTco2PerTonne");
        assertNumber("0.079101", s, "/specific/directTco2PerTonne");
        assertNumber("23630.03", s, "/cost/actualEur");
        assertNumber("400888.82", s, "/cost/defaultEur");
        // the saving is the difference of exact costs, rounded once: 400888.824 - 23630.03232
        assertNumber("377258.79", s, "/cost/savingEur");
        assertNumber("2000", s, "/tonnes");
        assertNumber("77.59", s, "/emissions/precursorSharePercent");
        assertNumber("4.1155", s, "/defaultRoute/valueWithMarkupTco2PerTonne");
        assertNumber("3.7414", s, "/defaultRoute/defaultValueTco2PerTonne");
        assertNumber("10", s, "/defaultRoute/markupPercent");
        assertEquals("76041090", s.get("cnCode").asString());
        assertEquals("seed-total", s.at("/ruleSet/id").asString());
        assertEquals("total", s.at("/specific/chargedBasis").asString());
        assertTrue(s.get("checkpoint").isNull());
    }

    @Test
    void seedTotal_intermediateFiguresOfTheExamplesTable() {
        assertExact("74.052", seedTotal, FigureIds.fuelEmissions("reheating-furnace-2026"));
        assertExact("22.44", seedTotal, FigureIds.fuelEmissions("ageing-ovens-2026"));
        assertExact("96.492", seedTotal, FigureIds.INSTALLATION_DIRECT);
        assertExact("61.71", seedTotal, FigureIds.PRECURSOR_DIRECT);
        assertExact("272.36", seedTotal, FigureIds.PRECURSOR_INDIRECT);
        assertExact("2200", seedTotal, FigureIds.precursor("MY-BILLETS-01", "7601", "massTonnes"));
        assertExact("0.1238", seedTotal, FigureIds.precursor("MY-BILLETS-01", "7601", "indirectSeeTco2PerTonne"));
        assertExact("4.1155", seedTotal, FigureIds.DEFAULT_WITH_MARKUP);
        assertExact("23630.03232", seedTotal, FigureIds.ACTUAL_EUR);
        assertExact("400888.824", seedTotal, FigureIds.DEFAULT_EUR);
        assertEquals(new BigDecimal("77.59"), seedTotal.value(FigureIds.PRECURSOR_SHARE_PERCENT).setScale(2, java.math.RoundingMode.HALF_UP));
    }

    @Test
    void euDefinitive_chargesDirectOnly() {
        JsonNode s = statement(definitive);
        assertNumber("3104.98", s, "/cost/actualEur");
        assertNumber("400888.82", s, "/cost/defaultEur");
        assertNumber("430.562", s, "/emissions/totalTco2");
        assertNumber("272.36", s, "/emissions/indirectTco2");
        assertNumber("0.079101", s, "/specific/chargedTco2PerTonne");
        assertEquals("direct", s.at("/specific/chargedBasis").asString());
        assertExact("3104.98272", definitive, FigureIds.ACTUAL_EUR);
    }

    @Test
    void trace_namesLeafHashesAndCitations() {
        JsonNode s = statement(seedTotal);
        JsonNode entries = s.at("/evidence/entries");
        assertEquals(scenario.records().size(), entries.size(), "every record of the scenario is used");
        JsonNode reheating = null;
        for (JsonNode figure : s.at("/evidence/figures")) {
            if (figure.get("id").asString().equals(FigureIds.fuelEmissions("reheating-furnace-2026"))) {
                reheating = figure;
            }
        }
        assertEquals("product", reheating.get("operation").asString());
        JsonNode energy = reheating.at("/inputs/0/evidence");
        assertEquals("/energyGj", energy.get("path").asString());
        assertEquals("fuel-consumption", energy.get("kind").asString());
        EvidenceRecord fuel = evidence.get((int) energy.get("leafIndex").asLong());
        assertEquals(fuel.leafHashHex(), energy.get("leafHash").asString());
        JsonNode price = null;
        for (JsonNode figure : s.at("/evidence/figures")) {
            if (figure.get("id").asString().equals("cost.actual.grossEur")) {
                price = figure.at("/inputs/1/rule");
            }
        }
        assertEquals("certificatePrice.2026-Q1", price.get("key").asString());
        assertTrue(price.get("citation").asString().contains("2025/2548"));
    }

    @Test
    void result_isDeterministicWhateverTheNumberSpelling() throws Exception {
        // the same records as JSON numbers (doubles and ints, as a lenient client might send) give the same figures
        List<JsonNode> numeric = new java.util.ArrayList<>();
        for (var record : scenario.records()) {
            tools.jackson.databind.node.ObjectNode copy = record.record().deepCopy();
            for (String name : List.of("tonnesIn", "tonnesOut", "energyGj", "value", "directSeeTco2PerTonne")) {
                if (copy.has(name)) {
                    copy.put(name, Double.parseDouble(copy.get(name).asString()));
                }
            }
            numeric.add(copy);
        }
        List<EvidenceRecord> asLoaded = new java.util.ArrayList<>();
        for (int i = 0; i < numeric.size(); i++) {
            EvidenceRecord asText = evidence.get(i);
            asLoaded.add(new EvidenceRecord(asText.kind(), numeric.get(i), i, asText.leafHashHex()));
        }
        byte[] fromLog = EmissionsCalculator.calculate(scenario.request(evidence)).canonicalJson();
        byte[] fromFiles = EmissionsCalculator.calculate(scenario.request(asLoaded)).canonicalJson();
        assertArrayEquals(fromLog, fromFiles);
        assertArrayEquals(fromLog, seedTotal.canonicalJson());
        assertEquals(org.cbamledger.signer.Sha256.hex(fromLog), seedTotal.sha256Hex(), "the result's hash, hashed as written");
    }

    @Test
    void envelopes_signedByEachPartyGiveTheSameFigures() throws Exception {
        java.util.Map<String, org.cbamledger.signer.SigningKey> keys = new java.util.HashMap<>();
        List<EvidenceRecord> fromEnvelopes = new java.util.ArrayList<>();
        for (var record : scenario.records()) {
            var key = keys.computeIfAbsent(record.partyId(),
                    p -> org.cbamledger.signer.SigningKey.generate(org.cbamledger.signer.KeyAlgorithm.ED25519));
            byte[] json = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsBytes(record.record());
            var envelope = org.cbamledger.signer.Envelope.sign(record.kind(), json, key);
            fromEnvelopes.add(EvidenceRecord.fromEnvelope(
                    org.cbamledger.signer.Envelope.parse(envelope.canonicalBytes()), fromEnvelopes.size()));
        }
        CalculationResult result = EmissionsCalculator.calculate(scenario.request(fromEnvelopes));
        assertExact("430.562", result, FigureIds.TOTAL);
        assertExact("23630.03232", result, FigureIds.ACTUAL_EUR);
        assertEquals(fromEnvelopes.get(3).leafHashHex(), result.usedEvidence().get(3).leafHashHex());
    }

    private static void assertExact(String expected, CalculationResult result, String figureId) {
        assertEquals(0, new BigDecimal(expected).compareTo(result.value(figureId)),
                figureId + " = " + result.value(figureId).toPlainString());
    }
}
