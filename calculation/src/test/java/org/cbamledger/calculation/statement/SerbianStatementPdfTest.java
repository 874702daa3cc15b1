package org.cbamledger.calculation.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import org.cbamledger.calculation.core.Decimals;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.electricity.SerbianScenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The PPA case whose old PDF was 69 pages of trace from page 1 on. */
class SerbianStatementPdfTest {
    private static JsonNode statement;
    private static byte[] pdf;

    @BeforeAll
    static void render() throws Exception {
        statement = EmissionsStatements.build(
                EmissionsCalculator.calculate(SerbianScenario.scenario().request(SerbianScenario.evidence())),
                new StatementIssue("st-rs", "2026-11-22T10:00:00Z", "extruder", "importer"));
        pdf = StatementPdfRenderer.render(statement);
    }

    @Test
    void firstPage_isTheSummaryWithTheMatching_andTheChartComesBeforeTheAnnex() throws Exception {
        String page1 = StatementPdfRendererTest.pageText(pdf, 1, 1);
        assertTrue(page1.contains("Electricity matching: "), page1);
        assertTrue(page1.contains("tCO2e/t"), page1);
        assertFalse(page1.contains("Annex"), page1);
        String rest = StatementPdfRendererTest.pageText(pdf, 2, Integer.MAX_VALUE);
        assertTrue(rest.indexOf("Electricity by month and class (MWh)") >= 0);
        assertTrue(rest.indexOf("Electricity by month and class (MWh)") < rest.indexOf("Annex: how each figure was computed"));
    }

    @Test
    void chart_monthsPerClass_addUpToEachClassTotalInTheTrace() {
        Map<String, Map<String, BigDecimal>> months = MonthlyElectricityChart.monthlyMwh(statement);
        assertEquals(12, months.size(), months.keySet().toString());
        Map<String, BigDecimal> byClass = new java.util.TreeMap<>();
        months.values().forEach(m -> m.forEach((cls, mwh) -> byClass.merge(cls, mwh, BigDecimal::add)));
        assertTrue(byClass.containsKey("grid") && byClass.containsKey("ppa-renewable"), byClass.toString());
        for (JsonNode figure : statement.at("/evidence/figures")) {
            String id = figure.path("id").asString("");
            if (id.matches("electricity\\.[a-z-]+\\.energyMwh")) {
                String cls = id.split("\\.")[1];
                BigDecimal charted = cls.equals("total")
                        ? byClass.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        : byClass.getOrDefault(cls, BigDecimal.ZERO);
                BigDecimal total = Decimals.fromJson(figure.path("value"));
                assertEquals(0, total.compareTo(charted), cls + ": " + total + " in the trace, " + charted + " charted");
            }
        }
    }
}
