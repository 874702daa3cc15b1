package org.cbamledger.calculation;

import org.cbamledger.calculation.core.ReportingPeriod;
import org.cbamledger.calculation.core.Installation;
import org.cbamledger.calculation.core.CalculationParameters;

import java.util.List;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.rules.RuleOverride;

/**
 * Everything a calculation depends on. {@code evidence} may hold more entries than the calculation uses (a whole
 * bundle); the engine selects by installation, period and CN code and lists what it used.
 */
public record CalculationRequest(
        Installation installation,
        ReportingPeriod period,
        String cnCode,
        String ruleSetId,
        List<RuleOverride> ruleOverrides,
        CalculationParameters parameters,
        List<EvidenceRecord> evidence) {

    public CalculationRequest {
        if (cnCode == null || !cnCode.matches("[0-9]{4,10}")) {
            throw new IllegalArgumentException("cnCode must be 4 to 10 digits, not " + cnCode);
        }
        ruleOverrides = List.copyOf(ruleOverrides);
        evidence = List.copyOf(evidence);
    }
}
