package org.cbamledger.exchange.template;

import java.math.BigDecimal;
import java.util.Optional;
import org.cbamledger.calculation.electricity.ElectricityLedgerResult;
import org.cbamledger.exchange.platform.StatementFigures;
import tools.jackson.databind.JsonNode;

/**
 * The template's product parameters a statement can give, and why the others stay empty.
 *
 * <ul>
 *   <li>Embedded electricity (MWh/t, Summary_Products O) and its emission factor (tCO2/MWh, Summary_Communication
 *       P): the installation's metered electricity over the output, and its emissions over its energy, where the
 *       statement metered electricity (trace figures {@code electricity.total.*}); empty otherwise (seed 001's
 *       extruder reports no own electricity).</li>
 *   <li>Source of the electricity emission factor (N): the electricity ledger's evidence classes, where metered.</li>
 *   <li>t scrap per t (Summary_Products Z): scrap bought as a precursor (CN 7602) over the output, 0 where the
 *       precursors hold none. Scrap remelted in-house never becomes a precursor and is not in the statement.</li>
 *   <li>% pre-consumer scrap (Y) and % elements other than aluminium (AA): the statement's {@code aluminium}
 *       figures, computed by the calculation from the purchases' scrap origin and the batches' alloy composition
 *       (calculation {@code AluminiumParameters}), in percent as the column headers say (12.5 for 12.5 %). Where the
 *       statement has no such figure (older records, or {@code ...NotComputable} with its reason) the cell stays empty
 *       rather than hold a guess.</li>
 * </ul>
 */
record ProductParameters(Optional<BigDecimal> electricityMwh, Optional<BigDecimal> electricityMwhPerTonne, Optional<BigDecimal> electricityFactorTco2PerMwh,
        Optional<String> electricityFactorSource, BigDecimal scrapTonnesPerTonne, Optional<BigDecimal> preConsumerScrapPercent,
        Optional<BigDecimal> otherElementsPercent) {
    static final String SCRAP_CN_HEADING = "7602";
    static final String METERED_SOURCE = "Measured: metered electricity by evidence class (cbam-ledger electricity ledger)";

    static ProductParameters of(JsonNode statement) {
        StatementFigures figures = new StatementFigures(statement);
        BigDecimal tonnes = figures.at("/tonnes");
        Optional<BigDecimal> mwh = figures.figure(ElectricityLedgerResult.TOTAL_MWH).filter(v -> v.signum() > 0);
        Optional<BigDecimal> tco2 = figures.figure(ElectricityLedgerResult.TOTAL_TCO2);
        Optional<BigDecimal> factor = mwh.isPresent() && tco2.isPresent()
                ? Optional.of(StatementFigures.per(tco2.get(), mwh.get())) : Optional.empty();
        BigDecimal scrap = BigDecimal.ZERO;
        for (JsonNode precursor : statement.path("precursors")) {
            if (precursor.path("cnCode").asString("").startsWith(SCRAP_CN_HEADING)) {
                scrap = scrap.add(new BigDecimal(precursor.get("massTonnes").asString()));
            }
        }
        return new ProductParameters(mwh, mwh.map(m -> StatementFigures.per(m, tonnes)), factor,
                factor.map(f -> METERED_SOURCE), tonnes.signum() > 0 ? StatementFigures.per(scrap, tonnes) : BigDecimal.ZERO,
                percent(statement, "/aluminium/preConsumerScrapPercent"), percent(statement, "/aluminium/otherElementsPercent"));
    }

    private static Optional<BigDecimal> percent(JsonNode statement, String pointer) {
        JsonNode node = statement.at(pointer);
        return node.isString() ? Optional.of(new BigDecimal(node.asString())) : Optional.empty();
    }
}
