package org.cbamledger.calculation.method;

import java.math.BigDecimal;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.evidence.RecordReader;
import org.cbamledger.calculation.rules.RuleSet;
import org.cbamledger.calculation.trace.Figure;
import org.cbamledger.calculation.trace.Operation;
import org.cbamledger.calculation.trace.Trace;
import org.cbamledger.calculation.trace.TraceInput;
import org.cbamledger.calculation.trace.TraceInput.ConstantRef;

/**
 * PFC emissions from anode effects of one primary-aluminium batch, member {@code pfc} of the batch
 * (IR 2025/2547 Annex II B.7): slope or overvoltage method, C2F6 from CF4, CO2e by the GWPs of Annex II G,
 * total = duct emissions / collection efficiency.
 */
public final class PfcEmissions {
    private static final ConstantRef KG_TO_T = new ConstantRef(new BigDecimal("0.001"), "kg to t");

    private PfcEmissions() {}

    public static Figure derive(Trace trace, RecordReader batch, TraceInput primaryAluminiumTonnes, RuleSet rules)
            throws CalculationException {
        String prefix = "pfc." + batch.text("/batchId") + ".";
        String method = batch.text("/pfc/method");
        String technology = batch.text("/pfc/technology");
        Figure cf4;
        TraceInput fC2f6;
        switch (method) {
            case "slope" -> {
                // AEM = anode effect frequency x mean duration, in minutes per cell-day
                Figure aem = trace.derive(prefix + "anodeEffectMinutesPerCellDay", "AE-min/cell-day", Operation.PRODUCT,
                        batch.decimal("/pfc/anodeEffectsPerCellDay"), batch.decimal("/pfc/anodeEffectDurationMinutes"));
                // CF4 [t] = AEM x (SEF_CF4 / 1000) x PrAl
                cf4 = trace.derive(prefix + "cf4Tonnes", "tCF4", Operation.PRODUCT,
                        aem.ref(), rules.rule("pfc.slope." + technology + ".sefCf4"), KG_TO_T, primaryAluminiumTonnes);
                fC2f6 = rules.rule("pfc.slope." + technology + ".fC2f6");
            }
            case "overvoltage" -> {
                // CF4 [t] = OVC x (AEO / CE) x PrAl x 0.001, CE in %
                Figure aeoPerCe = trace.derive(prefix + "overvoltagePerCurrentEfficiency", "mV/%", Operation.QUOTIENT,
                        batch.decimal("/pfc/anodeEffectOvervoltageMv"), batch.decimal("/pfc/currentEfficiencyPercent"));
                cf4 = trace.derive(prefix + "cf4Tonnes", "tCF4", Operation.PRODUCT,
                        rules.rule("pfc.overvoltage." + technology + ".ovc"), aeoPerCe.ref(), primaryAluminiumTonnes, KG_TO_T);
                fC2f6 = rules.rule("pfc.overvoltage." + technology + ".fC2f6");
            }
            default -> throw new CalculationException(batch.evidence().describe() + ": /pfc/method must be slope or overvoltage, not " + method);
        }
        Figure c2f6 = trace.derive(prefix + "c2f6Tonnes", "tC2F6", Operation.PRODUCT, cf4.ref(), fC2f6);
        Figure cf4Co2e = trace.derive(prefix + "cf4Tco2e", "tCO2e", Operation.PRODUCT, cf4.ref(), rules.gwp("CF4"));
        Figure c2f6Co2e = trace.derive(prefix + "c2f6Tco2e", "tCO2e", Operation.PRODUCT, c2f6.ref(), rules.gwp("C2F6"));
        Figure duct = trace.derive(prefix + "ductTco2e", "tCO2e", Operation.SUM, cf4Co2e.ref(), c2f6Co2e.ref());
        return trace.derive(prefix + "totalTco2e", "tCO2e", Operation.QUOTIENT,
                duct.ref(), batch.decimal("/pfc/collectionEfficiency"));
    }
}
