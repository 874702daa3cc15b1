package org.cbamledger.calculation.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.TestEvidence;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class StatementRecomputerTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static Scenario scenario;
    private static List<EvidenceRecord> evidence;
    private static JsonNode statement;

    @BeforeAll
    static void issue() throws Exception {
        scenario = ScenarioLoader.load(TestEvidence.WORKED_EXAMPLE);
        evidence = TestEvidence.of(scenario);
        ObjectNode built = EmissionsStatements.build(EmissionsCalculator.calculate(scenario.request(evidence)),
                new StatementIssue("st-1", "2026-11-22T10:00:00Z", "extruder", "importer"));
        built.put("checkpoint", "cbam-ledger/tr-extruder\n8\nAAAA\n");
        // as a verifier gets it: the signed bytes, parsed without BigDecimal
        statement = MAPPER.readTree(org.cbamledger.signer.CanonicalJson.canonicalize(built));
    }

    @Test
    void recompute_findsNoDifferenceOnAnUntouchedStatement() throws Exception {
        assertEquals(List.of(), StatementRecomputer.recompute(statement, evidence));
    }

    @Test
    void recompute_namesAnEditedFigure() throws Exception {
        ObjectNode edited = (ObjectNode) statement.deepCopy();
        ((ObjectNode) edited.get("emissions")).put("totalTco2", "430.561");
        List<FigureDifference> differences = StatementRecomputer.recompute(edited, evidence);
        assertEquals(List.of(new FigureDifference("emissions.totalTco2", "430.561", "430.562")), differences);
    }

    @Test
    void aFormatV1Statement_recomputesItsFiguresAndTakesItsTraceAsStated() throws Exception {
        ObjectNode v1 = (ObjectNode) statement.deepCopy();
        v1.put("format", EmissionsStatements.FORMAT_V1);
        // a v1 trace item: one batch entry of a long sum named on its own, a form this build no longer writes
        ((ObjectNode) v1.get("evidence")).putArray("figures").addObject().put("id", "alloc.meter.m1.energyKwh")
                .putArray("inputs").addObject().put("value", "1").putObject("entry").put("leafIndex", 3);
        assertTrue(StatementRecomputer.isFormatV1(v1));
        assertEquals(List.of(), StatementRecomputer.recompute(v1, evidence));

        ((ObjectNode) v1.get("cost")).put("actualEur", "23630.04");
        assertEquals(List.of(new FigureDifference("cost.actualEur", "23630.04", "23630.03")),
                StatementRecomputer.recompute(v1, evidence));
    }

    @Test
    void aStatementClaimingAnUnknownFormat_failsOnItsFormat() throws Exception {
        ObjectNode v3 = (ObjectNode) statement.deepCopy();
        v3.put("format", "cbam-ledger-emissions-statement/v3");
        assertEquals(List.of("format"), StatementRecomputer.recompute(v3, evidence).stream()
                .map(FigureDifference::path).toList());
    }

    @Test
    void recompute_namesTheFiguresAnEditedEntryChanges() throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (ScenarioRecord record : scenario.records()) {
            ObjectNode copy = record.record().deepCopy();
            if ("reheating-furnace-2026".equals(copy.path("recordId").asString(""))) {
                copy.put("energyGj", "1321");
            }
            records.add(copy);
        }
        List<String> paths = StatementRecomputer.recompute(statement, TestEvidence.ofRecords(records)).stream()
                .map(FigureDifference::path)
                .toList();
        assertTrue(paths.contains("emissions.totalTco2"), paths.toString());
        assertTrue(paths.contains("cost.actualEur"), paths.toString());
        int reheating = 0;
        while (!"reheating-furnace-2026".equals(scenario.records().get(reheating).record().path("recordId").asString(""))) {
            reheating++;
        }
        assertTrue(paths.contains("evidence.entries[" + reheating + "].leafHash"), paths.toString());
        assertTrue(!paths.contains("cost.defaultEur"), paths.toString());
    }

    @Test
    void recomputeCalculation_matchesAnUntouchedRecordAndNamesAnEditedOutput() throws Exception {
        var result = EmissionsCalculator.calculate(scenario.request(evidence));
        JsonNode record = MAPPER.readTree(org.cbamledger.signer.CanonicalJson.canonicalize(CalculationRecords.build(result, "calc-7")));
        assertEquals(List.of(), StatementRecomputer.recomputeCalculation(record, evidence));
        ObjectNode edited = (ObjectNode) record.deepCopy();
        ((ObjectNode) edited.get("outputs")).put("cost.actualEur", "23630.04");
        assertEquals(List.of(new FigureDifference("outputs.cost.actualEur", "23630.04", "23630.03232")),
                StatementRecomputer.recomputeCalculation(edited, evidence));
    }

    @Test
    void recompute_rebuildsTheRuleSetFromTheOverridesTheStatementRecords(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (var files = java.nio.file.Files.list(TestEvidence.WORKED_EXAMPLE)) {
            for (var file : files.toList()) {
                java.nio.file.Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        java.nio.file.Files.writeString(dir.resolve("rule-overrides.json"), """
                {"format": "cbam-ledger-ruleset-overrides/v1",
                 "overrides": {"certificatePrice.2026-Q1": {"value": "80", "unit": "EUR/tCO2e",
                   "citation": "what-if price", "status": "unconfirmed", "reason": "price risk scenario"}}}
                """);
        String json = java.nio.file.Files.readString(dir.resolve("scenario.json"));
        java.nio.file.Files.writeString(dir.resolve("scenario.json"),
                json.replace("\"ruleSet\": \"seed-total\",", "\"ruleSet\": \"seed-total\", \"ruleSetOverrides\": \"rule-overrides.json\","));
        Scenario what = ScenarioLoader.load(dir);
        List<EvidenceRecord> whatEvidence = TestEvidence.of(what);
        ObjectNode built = EmissionsStatements.build(EmissionsCalculator.calculate(what.request(whatEvidence)),
                new StatementIssue("st-2", "2026-11-22T10:00:00Z", "extruder", "importer"));
        // 313.562 certificates x EUR 80
        assertEquals("25084.96", built.at("/cost/actualEur").asString());
        assertEquals("75.36", built.at("/ruleSet/overrides/0/previousValue").asString());
        JsonNode parsed = MAPPER.readTree(org.cbamledger.signer.CanonicalJson.canonicalize(built));
        assertEquals(List.of(), StatementRecomputer.recompute(parsed, whatEvidence));
        ObjectNode edited = (ObjectNode) parsed.deepCopy();
        ((ObjectNode) edited.at("/ruleSet/overrides/0")).put("value", "70");
        List<String> paths = StatementRecomputer.recompute(edited, whatEvidence).stream().map(FigureDifference::path).toList();
        assertTrue(paths.contains("ruleSet.sha256"), paths.toString());
        assertTrue(paths.contains("cost.actualEur"), paths.toString());
    }

    @Test
    void recompute_ignoresEntriesTheStatementDoesNotUse() throws Exception {
        List<EvidenceRecord> more = new ArrayList<>(evidence);
        ObjectNode unrelated = MAPPER.createObjectNode();
        unrelated.put("kind", "meter-reading-batch");
        unrelated.put("meterId", "M-1");
        more.add(TestEvidence.entry(unrelated, evidence.size()));
        assertEquals(List.of(), StatementRecomputer.recompute(statement, more));
    }
}
