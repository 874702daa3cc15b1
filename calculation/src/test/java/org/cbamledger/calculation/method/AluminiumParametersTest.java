package org.cbamledger.calculation.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.TestEvidence;
import org.cbamledger.calculation.core.FigureIds;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import org.cbamledger.calculation.statement.EmissionsStatements;
import org.cbamledger.calculation.statement.FigureDifference;
import org.cbamledger.calculation.statement.StatementIssue;
import org.cbamledger.calculation.statement.StatementRecomputer;
import org.cbamledger.spec.Kinds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The aluminium parameters of Annex IV (% pre-consumer scrap, % other elements) on the worked example and its variants. */
class AluminiumParametersTest {
    private static Scenario scenario;

    @BeforeAll
    static void load() throws Exception {
        scenario = ScenarioLoader.load(TestEvidence.WORKED_EXAMPLE);
    }

    /** The worked example's records, each copied, with {@code edit} applied to the list. */
    private static List<JsonNode> records(Consumer<List<ObjectNode>> edit) {
        List<ObjectNode> records = new ArrayList<>();
        for (ScenarioRecord record : scenario.records()) {
            records.add(record.record().deepCopy());
        }
        edit.accept(records);
        return new ArrayList<>(records);
    }

    private static ObjectNode batch(List<ObjectNode> records) {
        return records.stream().filter(r -> r.get("kind").asString().equals(Kinds.PRODUCTION_BATCH)).findFirst().orElseThrow();
    }

    private static CalculationResult calculate(List<JsonNode> records) throws Exception {
        return EmissionsCalculator.calculate(scenario.request(TestEvidence.ofRecords(records)));
    }

    private static JsonNode statement(CalculationResult result) {
        return EmissionsStatements.build(result, new StatementIssue("st-1", "2026-11-22T00:00:00Z", "extruder", "importer"));
    }

    /** Scrap (CN 7602) bought in Germany (zero embedded emissions) and consumed by the campaign. */
    private static void scrap(List<ObjectNode> records, String purchaseId, String supplier, String tonnes, String origin) {
        ObjectNode purchase = records.getFirst().objectNode();
        purchase.put("kind", Kinds.PRECURSOR_PURCHASE).put("installationId", "TR-EXTRUDER-01").put("purchaseId", purchaseId)
                .put("supplierInstallationId", supplier).put("supplierName", "Example Scrap GmbH").put("countryOfOrigin", "DE")
                .put("cnCode", "7602").put("tonnes", tonnes).put("deliveryDate", "2026-02-01");
        if (origin != null) {
            purchase.put("scrapOrigin", origin);
        }
        records.add(purchase);
        ArrayNode precursors = (ArrayNode) batch(records).get("precursors");
        boolean consumed = false;
        for (JsonNode p : precursors) {
            consumed |= p.get("supplierInstallationId").asString().equals(supplier);
        }
        if (!consumed) {
            precursors.addObject().put("supplierInstallationId", supplier).put("cnCode", "7602").put("tonnes", tonnes);
        }
    }

    private static void composition(ObjectNode batch, String... elementAndPercent) {
        ObjectNode composition = batch.putObject("alloyComposition");
        composition.put("source", "mill certificate");
        ArrayNode elements = composition.putArray("elements");
        for (int i = 0; i < elementAndPercent.length; i += 2) {
            elements.addObject().put("element", elementAndPercent[i]).put("massPercent", elementAndPercent[i + 1]);
        }
    }

    @Test
    void workedExample_givesOtherElementsAndNoPreConsumerScrap_andKeepsItsAcceptanceFigures() throws Exception {
        JsonNode s = statement(calculate(records(r -> {})));
        assertEquals("1.22", s.at("/aluminium/otherElementsPercent").asString());
        assertEquals("0", s.at("/aluminium/preConsumerScrapPercent").asString());
        assertEquals("23630.03", s.at("/cost/actualEur").asString());
        assertEquals("400888.82", s.at("/cost/defaultEur").asString());
        assertEquals("4.1155", s.at("/defaultRoute/valueWithMarkupTco2PerTonne").asString());
    }

    @Test
    void otherElements_isTracedToEachElementOfTheBatch() throws Exception {
        CalculationResult result = calculate(records(r -> {}));
        var perBatch = result.figure(FigureIds.batch("CAMPAIGN-2026", "otherElementsPercent"));
        assertEquals(8, perBatch.inputs().size());
        assertTrue(perBatch.toJson().toString().contains("/alloyComposition/elements/0/massPercent"), perBatch.toJson().toString());
        assertEquals(0, result.value(FigureIds.ALUMINIUM_OTHER_ELEMENTS_TONNES).compareTo(new java.math.BigDecimal("24.4")));
    }

    @Test
    void otherElements_isWeightedByEachBatchsOutput() throws Exception {
        JsonNode s = statement(calculate(records(r -> {
            ObjectNode first = batch(r);
            composition(first, "Mg", "0.5", "Si", "0.5");
            ObjectNode second = first.deepCopy();
            second.put("batchId", "CAMPAIGN-2026-B").put("tonnesOut", "1000").put("tonnesIn", "1000").remove("precursors");
            composition(second, "Mg", "2.5");
            r.add(second);
        })));
        // (2000 t x 1 % + 1000 t x 2.5 %) / 3000 t = 1.5 %
        assertEquals("1.5", s.at("/aluminium/otherElementsPercent").asString());
    }

    @Test
    void preConsumerShare_isPreConsumerScrapOverAllScrapConsumed() throws Exception {
        CalculationResult result = calculate(records(r -> {
            scrap(r, "PO-S1", "DE-SCRAP-01", "150", "pre-consumer");
            scrap(r, "PO-S2", "DE-SCRAP-02", "50", "post-consumer");
        }));
        JsonNode s = statement(result);
        assertEquals("75", s.at("/aluminium/preConsumerScrapPercent").asString());
        assertEquals("23630.03", s.at("/cost/actualEur").asString(), "scrap from the EU carries no embedded emissions");
        String pre = result.figure(FigureIds.aluminiumScrap("DE-SCRAP-01", "7602", "preConsumerTonnes")).toJson().toString();
        assertTrue(pre.contains("PO-S1"), pre);
        assertTrue(pre.contains(FigureIds.precursor("DE-SCRAP-01", "7602", "massTonnes")), pre);
    }

    @Test
    void purchasesOfOtherYears_doNotDecideTheOrigin_ofThePeriodsScrap() throws Exception {
        CalculationResult result = calculate(records(r -> {
            scrap(r, "PO-S1", "DE-SCRAP-01", "150", "pre-consumer");
            scrap(r, "PO-2025", "DE-SCRAP-01", "80", "post-consumer");
            r.getLast().put("deliveryDate", "2025-12-31");
            scrap(r, "PO-2027", "DE-SCRAP-01", "90", "post-consumer");
            r.getLast().put("deliveryDate", "2027-01-01");
        }));
        JsonNode s = statement(result);
        assertEquals("100", s.at("/aluminium/preConsumerScrapPercent").asString(), s.path("aluminium").toString());
        String pre = result.figure(FigureIds.aluminiumScrap("DE-SCRAP-01", "7602", "preConsumerTonnes")).toJson().toString();
        assertTrue(pre.contains("PO-S1") && !pre.contains("PO-2025") && !pre.contains("PO-2027"), pre);
    }

    @Test
    void scrapBoughtOnlyInAnotherYear_isNotComputable_sayingNoPurchaseWasDeliveredInThePeriod() throws Exception {
        JsonNode s = statement(calculate(records(r -> {
            scrap(r, "PO-2025", "DE-SCRAP-01", "150", "pre-consumer");
            r.getLast().put("deliveryDate", "2025-12-31");
        })));
        String reason = s.at("/aluminium/preConsumerScrapNotComputable").asString();
        assertTrue(reason.contains("7602 from DE-SCRAP-01: no precursor-purchase delivered in the period"), reason);
    }

    @Test
    void aScrapOriginMissingOnSomePurchases_isNotComputable_namingThem() throws Exception {
        JsonNode s = statement(calculate(records(r -> {
            scrap(r, "PO-S1", "DE-SCRAP-01", "150", "pre-consumer");
            scrap(r, "PO-S2", "DE-SCRAP-02", "50", null);
        })));
        String reason = s.at("/aluminium/preConsumerScrapNotComputable").asString();
        assertTrue(reason.startsWith("not computable: "), reason);
        assertTrue(reason.contains("7602 from DE-SCRAP-02: no /scrapOrigin on PO-S2"), reason);
        assertFalse(reason.contains("PO-S1"), reason);
        assertTrue(s.at("/aluminium/preConsumerScrapPercent").isMissingNode());
        assertEquals("1.22", s.at("/aluminium/otherElementsPercent").asString(), "the other parameter stands");
    }

    /** The scrap supplier's statement for DE-SCRAP-02's CN 7602 scrap in 2026, giving {@code origin}. */
    private static void supplierStatement(List<ObjectNode> records, String origin) {
        ObjectNode statement = records.getFirst().objectNode();
        statement.put("kind", Kinds.SUPPLIER_PRECURSOR_STATEMENT).put("statementId", "SEE-DE-SCRAP-02-2026")
                .put("supplierInstallationId", "DE-SCRAP-02").put("supplierName", "Example Scrap GmbH").put("countryOfOrigin", "DE")
                .put("cnCode", "7602").put("periodFrom", "2026-01-01").put("periodTo", "2026-12-31")
                .put("directSeeTco2PerTonne", "0").put("indirectSeeTco2PerTonne", "0").put("verified", false)
                .put("scrapOrigin", origin);
        records.add(statement);
    }

    @Test
    void aSupplierStatementsOrigin_coversItsPurchasesThatNameNone() throws Exception {
        CalculationResult result = calculate(records(r -> {
            scrap(r, "PO-S1", "DE-SCRAP-01", "150", "pre-consumer");
            scrap(r, "PO-S2", "DE-SCRAP-02", "50", null);
            supplierStatement(r, "pre-consumer");
        }));
        assertEquals("100", statement(result).at("/aluminium/preConsumerScrapPercent").asString());
        String pre = result.figure(FigureIds.aluminiumScrap("DE-SCRAP-02", "7602", "preConsumerTonnes")).toJson().toString();
        assertTrue(pre.contains("supplier statement SEE-DE-SCRAP-02-2026"), pre);
    }

    @Test
    void aSupplierStatementContradictingAPurchase_isNotComputable() throws Exception {
        JsonNode s = statement(calculate(records(r -> {
            scrap(r, "PO-S2", "DE-SCRAP-02", "50", "pre-consumer");
            supplierStatement(r, "post-consumer");
        })));
        String reason = s.at("/aluminium/preConsumerScrapNotComputable").asString();
        assertTrue(reason.contains("7602 from DE-SCRAP-02: its purchases and supplier statements disagree"), reason);
        assertTrue(reason.contains("PO-S2") && reason.contains("SEE-DE-SCRAP-02-2026"), reason);
    }

    @Test
    void purchasesDisagreeingOnTheOrigin_andANegativeScrapMass_areNotComputable() throws Exception {
        assertScrapNotComputable("its purchases and supplier statements disagree on the origin", "DE-SCRAP-01", "50");
        assertScrapNotComputable("7602 from DE-SCRAP-02: negative mass -50 t", "DE-SCRAP-02", "-50");
    }

    /** 150 t of pre-consumer scrap from DE-SCRAP-01 and {@code tonnes} of post-consumer scrap from {@code supplier}. */
    private static void assertScrapNotComputable(String expected, String supplier, String tonnes) throws Exception {
        JsonNode s = statement(calculate(records(r -> {
            scrap(r, "PO-S1", "DE-SCRAP-01", "150", "pre-consumer");
            scrap(r, "PO-S2", supplier, tonnes, "post-consumer");
        })));
        String reason = s.at("/aluminium/preConsumerScrapNotComputable").asString();
        assertTrue(reason.contains(expected), reason);
    }

    @Test
    void compositionsThatAreNoAluminiumAlloy_areRefused() throws Exception {
        assertRefused("sum to 100.5 %, above 100 %", "Si", "60", "Mg", "40.5");
        assertRefused("Si at 55 % does not leave aluminium", "Si", "55");
        assertRefused("lists aluminium", "Al", "98", "Mg", "1");
        assertRefused("names Mg twice", "Mg", "0.5", "Mg", "0.5");
    }

    private static void assertRefused(String expected, String... composition) throws Exception {
        JsonNode s = statement(calculate(records(r -> composition(batch(r), composition))));
        String reason = s.at("/aluminium/otherElementsNotComputable").asString();
        assertTrue(reason.startsWith("not computable: alloy composition refused: CAMPAIGN-2026"), reason);
        assertTrue(reason.contains(expected), reason);
        assertTrue(s.at("/aluminium/otherElementsPercent").isMissingNode());
    }

    @Test
    void aCompositionOnSomeBatchesOnly_isNotComputable_namingTheOthers() throws Exception {
        JsonNode s = statement(calculate(records(r -> {
            ObjectNode second = batch(r).deepCopy();
            second.put("batchId", "CAMPAIGN-2026-B").remove("alloyComposition");
            second.remove("precursors");
            r.add(second);
        })));
        String reason = s.at("/aluminium/otherElementsNotComputable").asString();
        assertTrue(reason.contains("no /alloyComposition on production-batch CAMPAIGN-2026-B"), reason);
        assertTrue(reason.contains("(1 of 2 batches carry one)"), reason);
    }

    @Test
    void recordsWithoutTheFields_deriveNothing_andTheStatementHasNoAluminiumMember() throws Exception {
        CalculationResult result = calculate(records(r -> batch(r).remove("alloyComposition")));
        assertFalse(result.aluminium().reported());
        assertEquals(AluminiumParameters.NOT_REPORTED, result.aluminium().otherElementsNotComputable().orElseThrow());
        assertTrue(result.figures().stream().noneMatch(f -> f.id().startsWith("aluminium.") || f.id().startsWith("batch.")));
        assertTrue(statement(result).path("aluminium").isMissingNode());
    }

    @Test
    void anEditedParameter_failsTheRecomputation() throws Exception {
        List<JsonNode> records = records(r -> scrap(r, "PO-S1", "DE-SCRAP-01", "150", "pre-consumer"));
        List<EvidenceRecord> evidence = TestEvidence.ofRecords(records);
        ObjectNode s = (ObjectNode) statement(EmissionsCalculator.calculate(scenario.request(evidence)));
        assertEquals(List.of(), StatementRecomputer.recompute(s, evidence));
        ((ObjectNode) s.get("aluminium")).put("preConsumerScrapPercent", "80");
        ((ObjectNode) s.get("aluminium")).put("otherElementsPercent", "0.9");
        assertEquals(List.of(new FigureDifference("aluminium.otherElementsPercent", "0.9", "1.22"),
                        new FigureDifference("aluminium.preConsumerScrapPercent", "80", "100")),
                StatementRecomputer.recompute(s, evidence));
        s.remove("aluminium");
        assertFalse(StatementRecomputer.recompute(s, evidence).isEmpty(), "dropping the parameters is an edit too");
    }
}
