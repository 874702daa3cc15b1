package org.cbamledger.exchange;

import java.util.List;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.TestEvidence;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.calculation.statement.EmissionsStatements;
import org.cbamledger.calculation.statement.StatementIssue;
import tools.jackson.databind.node.ObjectNode;

/** The statement of the worked example (seed 001: Turkish extruder, Malaysian billets), as the service issues it. */
public final class WorkedStatement {
    private WorkedStatement() {}

    public static ObjectNode build() throws Exception {
        Scenario scenario = ScenarioLoader.load(TestEvidence.WORKED_EXAMPLE);
        List<EvidenceRecord> evidence = TestEvidence.of(scenario);
        CalculationResult result = EmissionsCalculator.calculate(scenario.request(evidence));
        return EmissionsStatements.build(result, new StatementIssue("st-1", "2026-11-22T10:00:00Z", "extruder", "importer"));
    }
}
