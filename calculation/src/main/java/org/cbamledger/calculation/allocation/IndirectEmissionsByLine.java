package org.cbamledger.calculation.allocation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cbamledger.calculation.electricity.ElectricityLedgerResult;
import org.cbamledger.calculation.trace.Figure;
import org.cbamledger.calculation.trace.Operation;
import org.cbamledger.calculation.trace.Trace;

/**
 * Indirect emissions of each line, batch and CN code: allocated MWh x the installation's electricity factor from
 * the electricity ledger (its emissions over its MWh). A PPA is matched at the grid connection, not per line, so
 * every line takes the same mix of classes. Em = E x EF (IR 2025/2547 Annex II, indirect emissions).
 */
public final class IndirectEmissionsByLine {
    private IndirectEmissionsByLine() {}

    public record Result(Trace trace, Figure factorTco2PerMwh, Map<String, Figure> lineTco2, Map<String, Figure> batchTco2,
            Map<String, Figure> cnCodeTco2) {}

    public static Result derive(ElectricityLedgerResult ledger, AllocationResult allocation) {
        Trace trace = new Trace();
        Figure factor = trace.derive("indirect.factorTco2PerMwh", "tCO2/MWh", Operation.QUOTIENT,
                ledger.totalEmissionsTco2().ref(), ledger.totalEnergyMwh().ref());
        Map<String, Figure> lines = new LinkedHashMap<>();
        for (LineAllocation line : allocation.lines()) {
            lines.put(line.lineId(), trace.derive("indirect.line." + line.lineId() + ".tco2", "tCO2", Operation.PRODUCT,
                    line.electricityMwh().ref(), factor.ref()));
        }
        Map<String, Figure> batches = new LinkedHashMap<>();
        allocation.batchMwh().forEach((batchId, mwh) -> batches.put(batchId,
                trace.derive("indirect.batch." + batchId + ".tco2", "tCO2", Operation.PRODUCT, mwh.ref(), factor.ref())));
        Map<String, Figure> cnCodes = new LinkedHashMap<>();
        allocation.cnCodeMwh().forEach((cn, mwh) -> cnCodes.put(cn,
                trace.derive("indirect.cn." + cn + ".tco2", "tCO2", Operation.PRODUCT, mwh.ref(), factor.ref())));
        return new Result(trace, factor, lines, batches, cnCodes);
    }
}
