package org.cbamledger.calculation.gaps;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.cbamledger.calculation.trace.Figure;

/**
 * One gap: its category and type (e.g. claim-lacking-evidence / no-go-cancellation), subject (meter, contract),
 * period, a sentence, the MWh it affects, the indirect tCO2 those MWh carry at the grid factor, the EU tonnes whose
 * actual values it puts at risk, and what falling back to default values for them would cost (EUR), with the
 * figures that derive it.
 */
public record Gap(GapCategory category, String type, String subject, String period, String detail, BigDecimal affectedMwh,
        BigDecimal indirectTco2AtGridFactor, BigDecimal affectedTonnesEu, Optional<BigDecimal> fallbackCostEur, List<Figure> figures) {
    public Gap {
        figures = List.copyOf(figures);
    }
}
