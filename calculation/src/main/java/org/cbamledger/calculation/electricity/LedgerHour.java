package org.cbamledger.calculation.electricity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** One classified hour: MWh by class (exact), the figure ids they come from. */
public record LedgerHour(Instant hour, Map<ElectricityClass, BigDecimal> energyMwh, Map<ElectricityClass, String> figureIds) {
    public LedgerHour {
        energyMwh = Map.copyOf(energyMwh);
        figureIds = Map.copyOf(figureIds);
    }
}
