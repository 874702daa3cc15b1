package org.cbamledger.calculation.allocation;

import java.util.Optional;
import org.cbamledger.calculation.trace.Figure;

/** Electricity and fuel of one line: sub-metered, its share of shared auxiliaries, total, tonnes and MWh per tonne. */
public record LineAllocation(String lineId, Figure subMeteredMwh, Figure auxiliaryMwh, Figure electricityMwh, Figure tonnesOut,
        Optional<Figure> mwhPerTonne, Figure fuelGj) {}
