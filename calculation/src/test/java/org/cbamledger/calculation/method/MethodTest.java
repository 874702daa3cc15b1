package org.cbamledger.calculation.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.core.CalculationParameters;
import org.cbamledger.calculation.CalculationRequest;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.core.Decimals;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.core.FigureIds;
import org.cbamledger.calculation.core.Installation;
import org.cbamledger.calculation.core.ReportingPeriod;
import org.cbamledger.calculation.TestEvidence;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.electricity.ElectricityRules;
import org.cbamledger.calculation.gaps.Gap;
import org.cbamledger.calculation.gaps.GapReport;
import org.cbamledger.calculation.gaps.GapReporter;
import org.cbamledger.calculation.rules.RuleEntry;
import org.cbamledger.calculation.rules.RuleOverride;
import org.cbamledger.calculation.rules.RuleSets;
import org.cbamledger.calculation.rules.RuleStatus;
import org.cbamledger.calculation.statement.CalculationRecords;
import org.cbamledger.calculation.statement.EmissionsStatements;
import org.cbamledger.calculation.statement.StatementIssue;
import org.cbamledger.calculation.statement.StatementPdfRenderer;
import org.cbamledger.spec.RecordValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The method on small made-up installations, each figure worked out by hand. */
class MethodTest {
    private static final String PLANT = "RS-EXTRUDER-01";
    private final List<ObjectNode> records = new ArrayList<>();

    private ObjectNode record(String kind, String... members) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("kind", kind);
        for (int i = 0; i < members.length; i += 2) {
            node.put(members[i], members[i + 1]);
        }
        records.add(node);
        return node;
    }

    private ObjectNode batch(String batchId, String cnCode, String tonnesOut) {
        return record("production-batch", "installationId", PLANT, "batchId", batchId, "lineId", "L1", "product", "profiles",
                "cnCode", cnCode, "periodFrom", "2026-01-01", "periodTo", "2026-06-30", "tonnesIn", tonnesOut,
                "tonnesOut", tonnesOut, "destination", "EU");
    }

    /** Slope-method PFC inputs: 0.1 anode effects per cell-day of 2 minutes each (AEM 0.2). */
    private static void slopePfc(ObjectNode batch, String technology, String collectionEfficiency) {
        ObjectNode pfc = batch.putObject("pfc");
        pfc.put("method", "slope");
        pfc.put("technology", technology);
        pfc.put("anodeEffectsPerCellDay", "0.1");
        pfc.put("anodeEffectDurationMinutes", "2");
        pfc.put("collectionEfficiency", collectionEfficiency);
    }

    private static void precursor(ObjectNode batch, String supplier, String cnCode, String tonnes) {
        ObjectNode input = batch.withArray("precursors").addObject();
        input.put("supplierInstallationId", supplier);
        input.put("cnCode", cnCode);
        input.put("tonnes", tonnes);
    }

    private CalculationResult calculate(String cnCode) throws Exception {
        return calculate(cnCode, "2026-Q1");
    }

    private CalculationResult calculate(String cnCode, String pricePeriod) throws Exception {
        return EmissionsCalculator.calculate(request(cnCode, pricePeriod));
    }

    private CalculationRequest request(String cnCode, String pricePeriod) throws Exception {
        return new CalculationRequest(new Installation(PLANT, "Serbian extruder", "RS"),
                new ReportingPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)), cnCode, RuleSets.EU_DEFINITIVE_2026,
                List.of(), new CalculationParameters(pricePeriod, BigDecimal.ZERO), TestEvidence.ofRecords(records));
    }

    /** The statement and the calculation record of a result match their schemas, and the PDF renders. */
    private static ObjectNode issuedStatement(CalculationResult result) throws Exception {
        ObjectNode statement = EmissionsStatements.build(result, new StatementIssue("st-1", "2026-11-22T10:00:00Z", "extruder", "importer"));
        RecordValidator.validateAgainst("emissions-statement", statement);
        RecordValidator.validateAgainst("calculation", CalculationRecords.build(result, "calc-1"));
        assertTrue(StatementPdfRenderer.render(statement).length > 1000);
        return statement;
    }

    private static void assertExact(String expected, CalculationResult result, String figureId) {
        assertEquals(0, new BigDecimal(expected).compareTo(result.value(figureId)), figureId + " = " + result.value(figureId));
    }

    @Test
    void combustion_isActivityTimesNcvTimesEfTimesOf() throws Exception {
        batch("B1", "76041090", "100");
        record("fuel-consumption", "installationId", PLANT, "recordId", "gas-h1", "lineId", "L1", "sourceStream", "furnace",
                "fuel", "natural gas", "periodFrom", "2026-01-01", "periodTo", "2026-06-30", "quantity", "10000", "unit", "Nm3",
                "ncvGjPerUnit", "0.0345", "emissionFactorTco2PerGj", "0.0561", "oxidationFactor", "0.995");
        CalculationResult result = calculate("76041090");
        assertExact("345", result, "fuel.gas-h1.energyGj");
        assertExact("19.2577275", result, FigureIds.fuelEmissions("gas-h1"));
        assertExact("0.192577275", result, FigureIds.SPECIFIC_DIRECT);
    }

    @Test
    void allocation_splitsALinesFuelByTonnesOutBetweenCnCodes() throws Exception {
        batch("B1", "76041090", "600");
        batch("B2", "76042990", "400");
        record("fuel-consumption", "installationId", PLANT, "recordId", "gas", "lineId", "L1", "sourceStream", "furnace",
                "fuel", "natural gas", "periodFrom", "2026-01-01", "periodTo", "2026-06-30", "energyGj", "1000",
                "emissionFactorTco2PerGj", "0.05", "oxidationFactor", "1");
        CalculationResult result = calculate("76041090");
        assertExact("0.6", result, "line.L1.cnShare");
        assertExact("50", result, "line.L1.fuelTco2");
        assertExact("30", result, FigureIds.INSTALLATION_DIRECT);
        assertExact("0.05", result, FigureIds.SPECIFIC_DIRECT);
    }

    @Test
    void precursors_keepEachSupplierApart_zeroForEuOrigin_defaultWithMarkupWithoutStatement() throws Exception {
        ObjectNode b = batch("B1", "76041090", "1000");
        precursor(b, "MY-CAST-1", "7601", "700");
        precursor(b, "MY-CAST-2", "7601", "200");
        precursor(b, "DE-CAST-1", "7601", "100");
        precursor(b, "MY-CAST-1", "7601", "50");
        record("supplier-precursor-statement", "statementId", "S1", "supplierInstallationId", "MY-CAST-1", "supplierName", "One",
                "countryOfOrigin", "MY", "cnCode", "7601", "periodFrom", "2026-01-01", "periodTo", "2026-12-31",
                "directSeeTco2PerTonne", "0.1", "indirectSeeTco2PerTonne", "0.5", "verifier", "VVB").put("verified", true);
        record("precursor-purchase", "installationId", PLANT, "purchaseId", "P2", "supplierInstallationId", "MY-CAST-2",
                "supplierName", "Two", "countryOfOrigin", "IN", "cnCode", "7601", "tonnes", "200", "deliveryDate", "2026-01-02");
        record("precursor-purchase", "installationId", PLANT, "purchaseId", "P3", "supplierInstallationId", "DE-CAST-1",
                "supplierName", "Three", "countryOfOrigin", "DE", "cnCode", "7601", "tonnes", "100", "deliveryDate", "2026-01-02");
        CalculationResult result = calculate("76041090");
        assertExact("750", result, FigureIds.precursor("MY-CAST-1", "7601", "massTonnes"));
        assertExact("75", result, FigureIds.precursor("MY-CAST-1", "7601", "directTco2"));
        assertExact("375", result, FigureIds.precursor("MY-CAST-1", "7601", "indirectTco2"));
        // India has its own row: 1.87 x 1.1
        assertExact("2.057", result, FigureIds.precursor("MY-CAST-2", "7601", "defaultSeeTco2PerTonne"));
        assertExact("411.4", result, FigureIds.precursor("MY-CAST-2", "7601", "directTco2"));
        assertExact("0", result, FigureIds.precursor("DE-CAST-1", "7601", "directTco2"));
        assertExact("486.4", result, FigureIds.PRECURSOR_DIRECT);
        assertExact("375", result, FigureIds.PRECURSOR_INDIRECT);
        // one line per supplier installation, sorted by its id
        assertEquals(List.of(PrecursorSource.ZERO_ORIGIN, PrecursorSource.SUPPLIER_STATEMENT, PrecursorSource.DEFAULT_VALUE),
                result.precursors().stream().map(PrecursorLine::source).toList());
        assertTrue(result.notes().contains("no supplier statement of MY-CAST-2 for CN 7601: default values used"), result.notes().toString());
        // every choice the engine made is a note of the statement
        assertTrue(result.notes().contains("precursor 7601 from DE-CAST-1 originates in DE: counted with zero embedded emissions"
                + " (IR (EU) 2025/2547 Annex III section B: precursors originating in the Union or in a country listed in Annex III"
                + " of Regulation (EU) 2023/956 carry zero embedded emissions)"), result.notes().toString());
        assertTrue(result.notes().contains("precursor 7601 from MY-CAST-1: actual route, the verified supplier statement at leaf 1"),
                result.notes().toString());
        assertTrue(result.notes().contains("precursor 7601 from MY-CAST-2: default route, 2.057 tCO2e/t with mark-up"
                + " (defaultValue.IN.7601.2026, production route K, confirmed)"), result.notes().toString());
    }

    @Test
    void overrideApplied_isANoteOfTheStatement() throws Exception {
        batch("B1", "76041090", "100");
        CalculationResult result = EmissionsCalculator.calculate(new CalculationRequest(new Installation(PLANT, "Serbian extruder", "RS"),
                new ReportingPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)), "76041090", RuleSets.EU_DEFINITIVE_2026,
                List.of(new RuleOverride(new RuleEntry("benchmark.actual.7604", new BigDecimal("0.07"), "tCO2e/t", "IR 2025/2620 final",
                        RuleStatus.CONFIRMED), "final benchmark", "my-overrides.json", null)),
                new CalculationParameters("2026-Q1", BigDecimal.ZERO), TestEvidence.ofRecords(records)));
        assertTrue(result.notes().contains("rule override applied: benchmark.actual.7604 = 0.07 tCO2e/t (replaces 0.06; final benchmark;"
                + " from my-overrides.json)"), result.notes().toString());
    }

    @Test
    void correction_replacesTheSupersededEntryAndTracesToTheCorrection() throws Exception {
        batch("B1", "76041090", "100");
        ObjectNode fuel = record("fuel-consumption", "installationId", PLANT, "recordId", "gas", "lineId", "L1",
                "sourceStream", "furnace", "fuel", "natural gas", "periodFrom", "2026-01-01", "periodTo", "2026-06-30",
                "energyGj", "100", "emissionFactorTco2PerGj", "0.05", "oxidationFactor", "1");
        EvidenceRecord original = TestEvidence.entry(fuel, 1);
        ObjectNode correction = record("correction", "supersedesLeafHash", original.leafHashHex(), "reason", "meter misread");
        ObjectNode replacement = fuel.deepCopy();
        replacement.put("energyGj", "120");
        correction.set("replacement", replacement);
        CalculationResult result = calculate("76041090");
        assertExact("6", result, FigureIds.fuelEmissions("gas"));
        var energy = (org.cbamledger.calculation.trace.TraceInput.EvidenceRef)
                result.figure(FigureIds.fuelEmissions("gas")).inputs().getFirst();
        assertEquals("/replacement/energyGj", energy.fieldPath());
        assertEquals(2, energy.leafIndex());
        assertEquals("correction", energy.kind());
        assertEquals("correction", result.usedEvidence().stream().filter(u -> u.leafIndex() == 2).findFirst().orElseThrow().kind());
        assertTrue(result.usedEvidence().stream().noneMatch(u -> u.leafIndex() == 1), "the superseded entry is not used");
    }

    @Test
    void calculate_rejectsAFactorIdNotInTheEvidence() throws Exception {
        batch("B1", "76041090", "100");
        record("fuel-consumption", "installationId", PLANT, "recordId", "gas", "lineId", "L1", "sourceStream", "furnace",
                "fuel", "natural gas", "periodFrom", "2026-01-01", "periodTo", "2026-06-30", "energyGj", "100",
                "emissionFactorId", "ng-2026", "oxidationFactor", "1");
        CalculationException e = assertThrows(CalculationException.class, () -> calculate("76041090"));
        assertEquals("fuel-consumption at leaf 1: /emissionFactorId names emission factor ng-2026, which is not in the evidence",
                e.getMessage());
    }

    @Test
    void calculate_rejectsAnInstallationRecordOfAnotherCountry() throws Exception {
        batch("B1", "76041090", "100");
        record("installation", "installationId", PLANT, "operator", "op", "name", "x", "country", "TR");
        CalculationException e = assertThrows(CalculationException.class, () -> calculate("76041090"));
        assertEquals("installation at leaf 1: /country TR differs from the calculation's country RS", e.getMessage());
    }

    @Test
    void calculate_withoutProductionOfTheCnCodeSaysSo() throws Exception {
        batch("B1", "76041090", "100");
        CalculationException e = assertThrows(CalculationException.class, () -> calculate("76061190"));
        assertEquals("no production-batch of installation RS-EXTRUDER-01 for CN code 76061190 within 2026-01-01 to 2026-12-31",
                e.getMessage());
    }

    @Test
    void defaultRoute_usesTheInstallationsCountryRowWithMarkup() throws Exception {
        batch("B1", "76041090", "100");
        CalculationResult result = calculate("76041090");
        // Serbia's published 2026 value (direct 2.2695 with 10 %); certificates (2.4965 - 1.493 x 0.975) x 100 x 75.36
        assertExact("2.4965", result, FigureIds.DEFAULT_WITH_MARKUP);
        assertExact("2.2695", result, FigureIds.DEFAULT_DIRECT);
        assertExact("10", result, FigureIds.DEFAULT_MARKUP_PERCENT);
        assertExact("7843.6572", result, FigureIds.DEFAULT_EUR);
        assertExact("0", result, FigureIds.ACTUAL_EUR);
    }

    @Test
    void defaultRoute_alloyedProfilesHaveTheirOwnRow() throws Exception {
        batch("B1", "76042990", "100");
        batch("B2", "76042100", "50");
        // AA6060 is an alloy: CN 7604 29 90 and 7604 21 00, Serbia 2.4965 in 2026 for both
        assertExact("2.4965", calculate("76042990"), FigureIds.DEFAULT_WITH_MARKUP);
        assertExact("2.4965", calculate("76042100"), FigureIds.DEFAULT_WITH_MARKUP);
    }

    @Test
    void precursorFromACountryWithoutRows_takesTheOtherCountriesRowWithANote() throws Exception {
        ObjectNode batch = batch("B1", "76041090", "100");
        precursor(batch, "XK-CAST-1", "7601", "110");
        record("precursor-purchase", "installationId", PLANT, "purchaseId", "P1", "supplierInstallationId", "XK-CAST-1",
                "supplierName", "Kosovo caster", "countryOfOrigin", "XK", "cnCode", "7601", "tonnes", "110",
                "deliveryDate", "2026-01-02");
        CalculationResult result = calculate("76041090");
        // Other countries and territories, CN 7601, 2026: 2.4229 as published (2.2026 direct)
        assertExact("2.4229", result, FigureIds.precursor("XK-CAST-1", "7601", "defaultSeeTco2PerTonne"));
        assertTrue(result.notes().contains("country XK has no rows of its own in the default values (IR 2025/2621): the"
                + " \"Other countries and territories\" row for CN 7601 is used"), result.notes().toString());
    }

    @Test
    void missingBenchmark_leavesEmissionsAndTheDefaultValue_andTheCostNotComputable() throws Exception {
        ObjectNode sheet = batch("B1", "76061190", "100");
        record("fuel-consumption", "installationId", PLANT, "recordId", "gas", "lineId", "L1", "sourceStream", "furnace",
                "fuel", "natural gas", "periodFrom", "2026-01-01", "periodTo", "2026-06-30", "energyGj", "100",
                "emissionFactorTco2PerGj", "0.05", "oxidationFactor", "1");
        precursor(sheet, "XK-CAST-1", "7601", "110");
        record("precursor-purchase", "installationId", PLANT, "purchaseId", "P1", "supplierInstallationId", "XK-CAST-1",
                "supplierName", "Kosovo caster", "countryOfOrigin", "XK", "cnCode", "7601", "tonnes", "110",
                "deliveryDate", "2026-01-02");
        CalculationResult result = calculate("76061190");
        assertExact("5", result, FigureIds.INSTALLATION_DIRECT);
        // Serbia, CN 7606 (plates, sheets and strip) in 2026, as published
        assertExact("4.0568", result, FigureIds.DEFAULT_WITH_MARKUP);
        assertEquals("not computable: no benchmark for CN 76061190 (actual route); no benchmark for CN 76061190 (default route)"
                + " in rule set eu-definitive-2026", result.costNotComputable().orElseThrow());
        assertTrue(!result.hasFigure(FigureIds.ACTUAL_EUR) && !result.hasFigure(FigureIds.DEFAULT_EUR));
        ObjectNode statement = issuedStatement(result);
        assertEquals(result.costNotComputable().get(), statement.at("/cost/notComputable").asString());
        assertTrue(statement.at("/cost/actualEur").isMissingNode());
    }

    @Test
    void missingCertificatePrice_leavesEmissionsAndTheDefaultValue_andTheCostNotComputable() throws Exception {
        batch("B1", "76041090", "100");
        CalculationResult result = calculate("76041090", "2026-Q2");
        assertExact("2.4965", result, FigureIds.DEFAULT_WITH_MARKUP);
        assertExact("0", result, FigureIds.DIRECT);
        assertEquals("not computable: no certificate price for period 2026-Q2 (add the published price: ./cbam rules add-price)"
                + " in rule set eu-definitive-2026", result.costNotComputable().orElseThrow());
        assertEquals("2026-Q2", issuedStatement(result).at("/cost/certificatePricePeriod").asString());
        // a weekly period of 2027 is a period like any other: not published yet, not computable
        assertTrue(calculate("76041090", "2027-W05").costNotComputable().orElseThrow().contains("period 2027-W05"));
        // and the gap report names it
        GapReport gaps = GapReporter.report(request("76041090", "2026-Q2"), ElectricityRules.gridByDefault("grid-RS-2026"));
        Gap gap = gaps.ofType("cost-not-computable").getFirst();
        assertEquals("certificate cost " + result.costNotComputable().get(), gap.detail());
        assertTrue(gap.fallbackCostEur().isEmpty());
    }

    @Test
    void fuelStraddlingThePeriod_isNotCountedAndNoted() throws Exception {
        batch("B1", "76041090", "100");
        record("fuel-consumption", "installationId", PLANT, "recordId", "gas", "lineId", "L1", "sourceStream", "furnace",
                "fuel", "natural gas", "periodFrom", "2025-12-01", "periodTo", "2026-01-31", "energyGj", "100",
                "emissionFactorTco2PerGj", "0.05", "oxidationFactor", "1");
        CalculationResult result = calculate("76041090");
        assertExact("0", result, FigureIds.INSTALLATION_DIRECT);
        assertEquals(List.of("fuel-consumption at leaf 1 straddles the period's bounds: not counted; split it at the bounds",
                "default route of CN 76041090: 2.4965 tCO2e/t with mark-up (defaultValue.RS.76041090.2026, production route L, confirmed)"),
                result.notes());
    }

    @Test
    void calculate_turnsADivisionByZeroIntoAMessageNamingTheFigure() throws Exception {
        ObjectNode b = batch("P1", "76041090", "1000");
        slopePfc(b, "CWPB", "0");
        CalculationException e = assertThrows(CalculationException.class, () -> calculate("76041090"));
        assertEquals("cannot calculate: figure pfc.P1.totalTco2e: Division by zero", e.getMessage());
    }

    @Test
    void pfc_slopeMethod() throws Exception {
        ObjectNode b = batch("P1", "76011000", "1000");
        slopePfc(b, "CWPB", "0.98");
        var trace = new org.cbamledger.calculation.trace.Trace();
        var reader = new org.cbamledger.calculation.evidence.RecordReader(TestEvidence.entry(b, 0));
        var total = PfcEmissions.derive(trace, reader, reader.decimal("/tonnesOut"), RuleSets.load(RuleSets.EU_DEFINITIVE_2026));
        // CF4 = 0.2 AE-min/cell-day x 0.143 x 0.001 x 1000 t; C2F6 = CF4 x 0.121; GWPs 6,630 and 11,100
        assertEquals(0, new BigDecimal("0.0286").compareTo(trace.figure("pfc.P1.cf4Tonnes").value()));
        assertEquals(0, new BigDecimal("0.0034606").compareTo(trace.figure("pfc.P1.c2f6Tonnes").value()));
        assertEquals(0, new BigDecimal("228.03066").compareTo(trace.figure("pfc.P1.ductTco2e").value()));
        assertEquals(new BigDecimal("232.6843469388"), total.value().setScale(10, RoundingMode.HALF_UP));
    }

    @Test
    void primarySmelter_processCo2ByMassBalance_andPfcInCo2e_inDirectEmissions() throws Exception {
        record("production-line", "installationId", PLANT, "lineId", "L1", "name", "potline 1", "technology", "CWPB");
        ObjectNode b = batch("P1", "76011000", "1000");
        slopePfc(b, "CWPB", "0.98");
        ObjectNode process = b.putObject("processCo2");
        process.put("method", "mass-balance");
        ObjectNode anodes = process.putArray("streams").addObject();
        anodes.put("streamId", "anodes").put("material", "prebaked anodes, net consumption").put("tonnes", "420").put("carbonContent", "0.97");
        ObjectNode dust = process.withArray("streams").addObject();
        dust.put("streamId", "dust").put("material", "carbon dust").put("tonnes", "-2").put("carbonContent", "0.5");
        CalculationResult result = calculate("76011000");
        assertExact("0.2", result, "pfc.P1.anodeEffectMinutesPerCellDay");
        // 3.664 x (420 x 0.97 - 2 x 0.5) = 3.664 x 406.4
        assertExact("1489.0496", result, "process.P1.co2Tonnes");
        assertEquals("tCO2e", result.figure("pfc.P1.totalTco2e").unit());
        assertExact(Decimals.plain(Decimals.round(result.value("pfc.P1.totalTco2e").add(new BigDecimal("1489.0496")))), result,
                FigureIds.INSTALLATION_DIRECT);
        assertTrue(result.notes().stream().anyMatch(n -> n.startsWith("PFC of batch P1 (slope method, CWPB): 232.68434")
                && n.endsWith(" tCO2e (CF4 and C2F6 at the GWPs of IR 2025/2547 Annex II G), counted in direct emissions")),
                result.notes().toString());
        issuedStatement(result);
    }

    @Test
    void pfcTechnologyContradictingTheLine_isRefused() throws Exception {
        record("production-line", "installationId", PLANT, "lineId", "L1", "name", "potline 1", "technology", "PFPB-L");
        ObjectNode b = batch("P1", "76011000", "1000");
        slopePfc(b, "SWPB", "0.98");
        CalculationException e = assertThrows(CalculationException.class, () -> calculate("76011000"));
        assertEquals("production-batch at leaf 1: /pfc/technology SWPB contradicts the technology PFPB-L of line L1"
                + " (production-line at leaf 0)", e.getMessage());
    }

    @Test
    void pfc_overvoltageMethod() throws Exception {
        ObjectNode b = batch("P2", "76011000", "1000");
        ObjectNode pfc = b.putObject("pfc");
        pfc.put("method", "overvoltage");
        pfc.put("technology", "SWPB");
        pfc.put("anodeEffectOvervoltageMv", "20");
        pfc.put("currentEfficiencyPercent", "95");
        pfc.put("collectionEfficiency", "1");
        var trace = new org.cbamledger.calculation.trace.Trace();
        var reader = new org.cbamledger.calculation.evidence.RecordReader(TestEvidence.entry(b, 0));
        PfcEmissions.derive(trace, reader, reader.decimal("/tonnesOut"), RuleSets.load(RuleSets.EU_DEFINITIVE_2026));
        // CF4 = 3.65 x (20 / 95) x 1000 x 0.001
        assertEquals(new BigDecimal("0.76842105263157894737"),
                trace.figure("pfc.P2.cf4Tonnes").value().setScale(20, RoundingMode.HALF_UP));
        assertEquals(new BigDecimal("0.19364210526315789474"),
                trace.figure("pfc.P2.c2f6Tonnes").value().setScale(20, RoundingMode.HALF_UP));
    }
}
