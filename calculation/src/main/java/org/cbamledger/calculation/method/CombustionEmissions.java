package org.cbamledger.calculation.method;

import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.evidence.RecordReader;
import org.cbamledger.calculation.trace.Figure;
import org.cbamledger.calculation.trace.Operation;
import org.cbamledger.calculation.trace.Trace;
import org.cbamledger.calculation.trace.TraceInput;

/** Combustion of one source stream: Em = AD x NCV x EF x OF, or Em = energy x EF x OF (IR 2025/2547 Annex II B). */
public final class CombustionEmissions {
    private CombustionEmissions() {}

    public static Figure derive(Trace trace, RecordReader fuel, EmissionFactors factors) throws CalculationException {
        String recordId = fuel.text("/recordId");
        TraceInput energyGj;
        if (fuel.optionalDecimal("/energyGj").isPresent()) {
            if (fuel.optionalDecimal("/quantity").isPresent()) {
                throw new CalculationException(fuel.evidence().describe() + ": give either /energyGj or /quantity with /ncvGjPerUnit, not both");
            }
            energyGj = fuel.decimal("/energyGj");
        } else {
            // IR 2025/2547 Annex II B: activity data x net calorific value
            energyGj = trace.derive(
                            "fuel." + recordId + ".energyGj",
                            "GJ",
                            Operation.PRODUCT,
                            fuel.decimal("/quantity"),
                            fuel.decimal("/ncvGjPerUnit"))
                    .ref();
        }
        TraceInput factor = factors.factor(fuel, "/emissionFactorTco2PerGj", "/emissionFactorId", "tCO2/GJ");
        return trace.derive(
                "fuel." + recordId + ".emissionsTco2",
                "tCO2",
                Operation.PRODUCT,
                energyGj,
                factor,
                fuel.decimal("/oxidationFactor"));
    }
}
