package org.cbamledger.calculation.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.core.CalculationParameters;
import org.cbamledger.calculation.CalculationRequest;
import org.cbamledger.calculation.core.Installation;
import org.cbamledger.calculation.core.ReportingPeriod;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.rules.RuleSets;

/**
 * A loaded scenario: the installation, the calculation to run, the parties, the records in submission order, the
 * files that are evidence themselves (suppliers' workbooks), and what the directory writes in a deprecated form (one
 * line each, for the console).
 */
public record Scenario(
        String name,
        Installation installation,
        ReportingPeriod period,
        String cnCode,
        String ruleSetId,
        Optional<Path> ruleOverridesFile,
        CalculationParameters parameters,
        String statementIssuer,
        String statementRecipient,
        List<Party> parties,
        List<ScenarioRecord> records,
        List<ScenarioDocument> documents,
        List<String> deprecations) {

    public Scenario {
        parties = List.copyOf(parties);
        records = List.copyOf(records);
        documents = List.copyOf(documents);
        deprecations = List.copyOf(deprecations);
    }

    /** The calculation the scenario asks for, over {@code evidence} (its records once they are ledger entries). */
    public CalculationRequest request(List<EvidenceRecord> evidence) throws CalculationException {
        return request(evidence, ruleSetId);
    }

    /** The same calculation under another rule set, for comparing bases. */
    public CalculationRequest request(List<EvidenceRecord> evidence, String otherRuleSetId) throws CalculationException {
        return new CalculationRequest(installation, period, cnCode, otherRuleSetId,
                ruleOverridesFile.isPresent() ? RuleSets.readOverrides(ruleOverridesFile.get()) : List.of(),
                parameters, evidence);
    }

    public Party party(String partyId) {
        return parties.stream().filter(p -> p.partyId().equals(partyId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no party " + partyId));
    }
}
