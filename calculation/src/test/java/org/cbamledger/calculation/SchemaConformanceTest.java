package org.cbamledger.calculation;

import java.util.List;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.rules.RuleSets;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import org.cbamledger.calculation.statement.CalculationRecords;
import org.cbamledger.calculation.statement.EmissionsStatements;
import org.cbamledger.calculation.statement.StatementIssue;
import org.cbamledger.spec.RecordValidator;
import org.junit.jupiter.api.Test;

/** What the scenario loader and the statement builder write matches the api-spec schemas of their kinds. */
class SchemaConformanceTest {

    @Test
    void scenarioRecords_calculationAndStatement_matchTheirSchemas() throws Exception {
        Scenario scenario = ScenarioLoader.load(TestEvidence.WORKED_EXAMPLE);
        for (var party : scenario.parties()) {
            RecordValidator.validateAgainst("party", party.record());
        }
        for (ScenarioRecord record : scenario.records()) {
            RecordValidator.validateAgainst(record.kind(), record.record());
        }
        List<EvidenceRecord> evidence = TestEvidence.of(scenario);
        for (String ruleSet : List.of(RuleSets.SEED_TOTAL, RuleSets.EU_DEFINITIVE_2026)) {
            CalculationResult result = EmissionsCalculator.calculate(scenario.request(evidence, ruleSet));
            RecordValidator.validateAgainst("calculation", CalculationRecords.build(result, "calc-1"));
            var statement = EmissionsStatements.build(result, new StatementIssue("st-1", "2026-11-22T10:00:00Z", "extruder", "importer"));
            RecordValidator.validateAgainst("emissions-statement", statement);
            statement.put("checkpoint", "cbam-ledger/tr-extruder\n9\nAAAA\n\n- key sig\n");
            RecordValidator.validateAgainst("emissions-statement", statement);
        }
    }
}
