package org.cbamledger.exchange;

import java.util.List;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.TestEvidence;
import org.cbamledger.calculation.electricity.SerbianScenario;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.calculation.statement.EmissionsStatements;
import org.cbamledger.calculation.statement.StatementIssue;
import tools.jackson.databind.node.ObjectNode;

/** Statements of the shipped scenarios, as the service issues them. */
public final class WorkedStatement {
    private WorkedStatement() {}

    /** The worked example (seed 001: Turkish extruder, Malaysian billets). */
    public static ObjectNode build() throws Exception {
        Scenario scenario = ScenarioLoader.load(TestEvidence.WORKED_EXAMPLE);
        return issue(scenario, TestEvidence.of(scenario));
    }

    /** The statement of the scenario in {@code directory} (records without electricity files). */
    public static ObjectNode of(java.nio.file.Path directory) throws Exception {
        Scenario scenario = ScenarioLoader.load(directory);
        return issue(scenario, TestEvidence.of(scenario));
    }

    /** The Serbian extruder with metered electricity under a PPA (seed 002). */
    public static ObjectNode serbian() throws Exception {
        return issue(SerbianScenario.scenario(), SerbianScenario.evidence());
    }

    private static ObjectNode issue(Scenario scenario, List<EvidenceRecord> evidence) throws Exception {
        CalculationResult result = EmissionsCalculator.calculate(scenario.request(evidence));
        return EmissionsStatements.build(result, new StatementIssue("st-1", "2026-11-22T10:00:00Z", scenario.statementIssuer(),
                scenario.statementRecipient()));
    }
}
