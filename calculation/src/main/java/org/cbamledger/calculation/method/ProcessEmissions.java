package org.cbamledger.calculation.method;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.evidence.RecordReader;
import org.cbamledger.calculation.trace.Figure;
import org.cbamledger.calculation.trace.Operation;
import org.cbamledger.calculation.trace.Trace;
import org.cbamledger.calculation.trace.TraceInput;
import org.cbamledger.calculation.trace.TraceInput.ConstantRef;
import tools.jackson.databind.JsonNode;

/**
 * Anode and process CO2 of one primary-aluminium batch by mass balance, member {@code processCo2} of the batch
 * (IR 2025/2547 Annex II: Em = 3.664 x sum of AD_i x C_i, outputs with negative activity data): anodes consumed,
 * packing coke and other carbon inputs, carbon leaving in dust or by-products as outputs.
 */
public final class ProcessEmissions {
    // IR 2025/2547 Annex II section B: 3.664 tCO2 per t C (molar masses 44.010 / 12.011)
    private static final ConstantRef CO2_PER_CARBON = new ConstantRef(new BigDecimal("3.664"), "t CO2 per t C");

    private ProcessEmissions() {}

    public static Figure derive(Trace trace, RecordReader batch) throws CalculationException {
        String prefix = "process." + batch.text("/batchId") + ".";
        JsonNode streams = batch.node("/processCo2/streams");
        if (!streams.isArray() || streams.isEmpty()) {
            throw new CalculationException(batch.evidence().describe() + ": /processCo2/streams must list the carbon streams");
        }
        List<TraceInput> carbon = new ArrayList<>();
        for (int i = 0; i < streams.size(); i++) {
            String at = "/processCo2/streams/" + i;
            carbon.add(trace.derive(prefix + batch.text(at + "/streamId") + ".carbonTonnes", "tC", Operation.PRODUCT,
                    batch.decimal(at + "/tonnes"), batch.decimal(at + "/carbonContent")).ref());
        }
        Figure net = trace.derive(prefix + "carbonTonnes", "tC", Operation.SUM, carbon);
        if (net.value().signum() < 0) {
            throw new CalculationException(batch.evidence().describe() + ": /processCo2 carbon leaving (" + net.value().toPlainString()
                    + " t C net) exceeds carbon entering: the mass balance does not close");
        }
        return trace.derive(prefix + "co2Tonnes", "tCO2", Operation.PRODUCT, net.ref(), CO2_PER_CARBON);
    }
}
