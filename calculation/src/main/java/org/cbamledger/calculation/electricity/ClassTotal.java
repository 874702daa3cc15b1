package org.cbamledger.calculation.electricity;

import java.util.List;
import java.util.Set;
import org.cbamledger.calculation.core.UsedEvidence;
import org.cbamledger.calculation.trace.Figure;
import org.cbamledger.calculation.trace.TraceInput;

/**
 * The MWh of one class over the period, its emissions (MWh x factor, summed over the factors it carries), the
 * resolutions it was matched at, the entries that support it (its evidence status) and its emission factors.
 */
public record ClassTotal(ElectricityClass electricityClass, Figure energyMwh, Figure emissionsTco2,
        Set<Resolution> resolutions, List<UsedEvidence> evidence, List<TraceInput> emissionFactors) {}
