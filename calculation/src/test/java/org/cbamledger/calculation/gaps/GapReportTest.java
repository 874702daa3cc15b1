package org.cbamledger.calculation.gaps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Predicate;
import org.cbamledger.calculation.CalculationRequest;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.electricity.ElectricityClass;
import org.cbamledger.calculation.electricity.ElectricityRules;
import org.cbamledger.calculation.electricity.SerbianScenario;
import org.cbamledger.calculation.scenario.Scenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Evidence removed piece by piece from the Serbian scenario: the gap report names each missing piece and prices it. */
class GapReportTest {
    private static final ElectricityRules RULES = ElectricityRules.gridByDefault(SerbianScenario.GRID_FACTOR);
    // EU tonnes x (Serbia's published 2026 value 2.4965 - 1.493 x 0.975) x EUR 75.36; the actual route costs nothing
    // (0.04488 < 0.0585)
    private static final BigDecimal EUR_PER_EU_TONNE = new BigDecimal("1.040825").multiply(new BigDecimal("75.36"));

    private static GapReport report(Predicate<JsonNode> drop) throws Exception {
        Scenario scenario = SerbianScenario.scenario();
        return GapReporter.report(scenario.request(SerbianScenario.evidenceWithout(drop)), RULES);
    }

    private static Gap only(GapReport report, String type) {
        List<Gap> gaps = report.ofType(type);
        assertEquals(1, gaps.size(), type + " in " + report.toText());
        return gaps.getFirst();
    }

    private static boolean kindAndField(JsonNode r, String kind, String field, String value) {
        return r.path("kind").asString().equals(kind) && r.path(field).asString().equals(value);
    }

    @Test
    void completeEvidence_hasNoGaps() throws Exception {
        GapReport report = report(r -> false);
        assertEquals(List.of(), report.gaps(), report.toText());
        assertTrue(report.toText().contains("No gaps."));
        assertEquals(0, new BigDecimal("0.04488").compareTo(report.actualChargedTco2PerTonne().orElseThrow()));
    }

    @Test
    void withoutGeneratorData_theMonthsClaimLacksEvidence_andItsFallbackIsPriced() throws Exception {
        GapReport report = report(r -> r.path("kind").asString().equals("generation-data")
                && r.at("/intervals/0/start").asString().startsWith("2026-03"));
        Gap gap = only(report, "no-generator-data");
        assertEquals(GapCategory.CLAIM_LACKING_EVIDENCE, gap.category());
        assertEquals("PPA-RS-2026-001", gap.subject());
        assertEquals("2026-03", gap.period());
        assertEquals(0, new BigDecimal("5950").compareTo(gap.affectedMwh()));
        assertEquals(0, new BigDecimal("5057.5").compareTo(gap.indirectTco2AtGridFactor()));
        assertEquals(0, new BigDecimal("10000").compareTo(gap.affectedTonnesEu()));
        assertEquals(0, EUR_PER_EU_TONNE.multiply(new BigDecimal(10000)).compareTo(gap.fallbackCostEur().orElseThrow()));
        assertTrue(report.toText().contains("falling back to default values would cost EUR 784365.72"), report.toText());
    }

    @Test
    void withoutGoCancellation_theGapIsNamed() throws Exception {
        Gap gap = only(report(r -> kindAndField(r, "go-cancellation", "cancellationId", "GOC-2026-08")), "no-go-cancellation");
        assertEquals("2026-08", gap.period());
        assertEquals(0, new BigDecimal("5390").compareTo(gap.affectedMwh()));
        assertEquals(0, new BigDecimal("5500").compareTo(gap.affectedTonnesEu()));
    }

    @Test
    void withoutSettlement_theGapIsNamed() throws Exception {
        Gap gap = only(report(r -> kindAndField(r, "supply-settlement", "settlementId", "SET-2026-11")), "no-settlement");
        assertEquals("2026-11", gap.period());
        assertEquals(0, new BigDecimal("6090").compareTo(gap.affectedMwh()));
    }

    @Test
    void withoutASubMeter_theMeterAndTheUnreconciledTotalAreNamed() throws Exception {
        GapReport report = report(r -> r.path("meterId").asString().equals("press-2")
                && (r.path("kind").asString().equals("meter") || r.path("kind").asString().equals("meter-reading-batch")));
        List<Gap> meters = report.ofType("missing-meter");
        assertEquals(2, meters.size(), report.toText());
        assertTrue(meters.stream().allMatch(g -> g.subject().equals("press-2") && g.category() == GapCategory.MISSING_METER));
        // press 2's EU output: the first half-year batch, 4,500 t
        assertEquals(0, EUR_PER_EU_TONNE.multiply(new BigDecimal(4500)).compareTo(meters.getFirst().fallbackCostEur().orElseThrow()));
        assertEquals(GapCategory.UNRECONCILED_TOTAL, only(report, "unreconciled-total").category());
    }

    @Test
    void withoutAnInterval_theMeterAndHoursAreNamed() throws Exception {
        GapReport report = report(r -> r.path("kind").asString().equals("meter-reading-batch")
                && r.path("meterId").asString().equals("main-incomer") && r.at("/readings/0/intervalStart").asString().startsWith("2026-09-15"));
        List<Gap> intervals = report.ofType("missing-interval");
        assertTrue(intervals.stream().anyMatch(g -> g.subject().equals("main-incomer") && g.period().equals("2026-09")
                && g.detail().startsWith("24 hour(s) without a good reading: 2026-09-15T00")), report.toText());
        assertTrue(intervals.stream().anyMatch(g -> g.detail().equals("meter main-incomer readings cover 8736 of 8760 hours of the period")));
    }

    @Test
    void besideItsCalculation_theReportIsTheOneMadeAlone() throws Exception {
        Scenario scenario = SerbianScenario.scenario();
        CalculationRequest request = scenario.request(SerbianScenario.evidenceWithout(
                r -> r.path("meterId").asString().equals("press-2") && r.path("kind").asString().equals("meter-reading-batch")));
        CalculationResult calculation = EmissionsCalculator.calculate(request);
        assertTrue(calculation.meteredElectricity().isPresent(), "the scenario meters its electricity");
        ElectricityRules rules = calculation.meteredElectricity().orElseThrow().ledger().rules();
        GapReport alone = GapReporter.report(request, rules);
        GapReport beside = GapReporter.report(request, rules, calculation);
        assertTrue(alone.gaps().size() >= 2, alone.toText());
        assertEquals(alone.toJson(), beside.toJson());
        // other rules than the calculation's: its ledger is not theirs, so the report classifies again
        ElectricityRules other = new ElectricityRules(rules.gridFactorId(),
                rules.unbackedPpaClass() == ElectricityClass.GRID ? ElectricityClass.UNVERIFIED : ElectricityClass.GRID);
        assertEquals(GapReporter.report(request, other).toJson(), GapReporter.report(request, other, calculation).toJson());
    }

    @Test
    void json_listsEveryGapWithItsPricedFigures() throws Exception {
        GapReport report = report(r -> kindAndField(r, "supply-settlement", "settlementId", "SET-2026-11"));
        JsonNode json = report.toJson();
        assertEquals(GapReport.FORMAT, json.path("format").asString());
        JsonNode gap = json.path("gaps").get(0);
        assertEquals("claim-lacking-evidence", gap.path("category").asString());
        assertEquals("no-settlement", gap.path("type").asString());
        assertTrue(gap.path("figures").size() > 5);
    }
}
