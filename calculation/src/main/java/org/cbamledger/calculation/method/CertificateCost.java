package org.cbamledger.calculation.method;

import org.cbamledger.calculation.trace.Figure;
import org.cbamledger.calculation.trace.Operation;
import org.cbamledger.calculation.trace.Trace;
import org.cbamledger.calculation.trace.TraceInput;

/**
 * Certificate cost of one route (actual or default): max(0, SEE - benchmark x CBAM factor) x tonnes x price,
 * less the carbon price paid abroad, not below zero (Regulation 2023/956 Art. 9 and 31).
 */
public final class CertificateCost {
    private CertificateCost() {}

    public static Figure derive(
            Trace trace,
            String route,
            String resultId,
            TraceInput specificTco2PerTonne,
            TraceInput benchmark,
            TraceInput cbamFactor,
            TraceInput tonnes,
            TraceInput pricePerCertificate,
            TraceInput carbonPricePaidAbroadEur) {
        String prefix = "cost." + route + ".";
        Figure covered = trace.derive(prefix + "freeAllocationTco2PerTonne", "tCO2e/t", Operation.PRODUCT, benchmark, cbamFactor);
        Figure perTonne = trace.derive(prefix + "certificatesPerTonne", "tCO2e/t", Operation.POSITIVE_DIFFERENCE,
                specificTco2PerTonne, covered.ref());
        Figure certificates = trace.derive(prefix + "certificates", "tCO2e", Operation.PRODUCT, perTonne.ref(), tonnes);
        Figure gross = trace.derive(prefix + "grossEur", "EUR", Operation.PRODUCT, certificates.ref(), pricePerCertificate);
        return trace.derive(resultId, "EUR", Operation.POSITIVE_DIFFERENCE, gross.ref(), carbonPricePaidAbroadEur);
    }
}
