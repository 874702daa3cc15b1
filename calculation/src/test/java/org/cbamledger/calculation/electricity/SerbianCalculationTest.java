package org.cbamledger.calculation.electricity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.core.Decimals;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.core.FigureIds;
import org.cbamledger.calculation.core.UsedEvidence;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.method.MeteredElectricity;
import org.cbamledger.calculation.statement.CalculationRecords;
import org.cbamledger.calculation.statement.EmissionsStatements;
import org.cbamledger.calculation.statement.FigureDifference;
import org.cbamledger.calculation.statement.StatementIssue;
import org.cbamledger.calculation.statement.StatementRecomputer;
import org.cbamledger.calculation.trace.Figure;
import org.cbamledger.calculation.trace.TraceInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Seed 002 through the engine: indirect emissions come from the electricity ledger, allocated to the CN code. */
class SerbianCalculationTest {
    private static final String CN = "76041090";
    static List<EvidenceRecord> evidence;
    static CalculationResult result;
    static MeteredElectricity metered;
    static ObjectNode statement;

    @BeforeAll
    static void calculate() throws Exception {
        evidence = SerbianScenario.evidence();
        result = EmissionsCalculator.calculate(SerbianScenario.scenario().request(evidence));
        metered = result.meteredElectricity().orElseThrow();
        statement = EmissionsStatements.build(result, new StatementIssue("st-rs-1", "2026-11-22T00:00:00Z", "extruder", "importer"));
    }

    @Test
    void indirectEmissions_areTheLedgersGridClassAllocatedToTheCnCode() {
        ElectricityLedgerResult ledger = metered.ledger();
        assertEquals(0, new BigDecimal("30000").compareTo(ledger.energyMwh(ElectricityClass.GRID)));
        // 30,000 MWh x 0.85 tCO2/MWh (grid-RS-2026); the PPA's wind is 0
        assertEquals(0, new BigDecimal("25500").compareTo(ledger.totalEmissionsTco2().value()));
        BigDecimal cnMwh = metered.allocation().cnCodeMwh().get(CN).value();
        BigDecimal expected = cnMwh.multiply(new BigDecimal("25500")).divide(new BigDecimal("100000"), Decimals.MATH);
        assertEquals(0, expected.compareTo(result.value(FigureIds.INSTALLATION_INDIRECT)),
                "indirect " + result.value(FigureIds.INSTALLATION_INDIRECT) + ", allocated " + cnMwh + " MWh");
        assertEquals(0, expected.compareTo(result.value(FigureIds.INDIRECT)), "no precursors in the scenario");
        // the CN code takes both presses and the compressor house, not the offices nor unmetered load
        assertTrue(cnMwh.compareTo(new BigDecimal("90000")) > 0 && cnMwh.compareTo(new BigDecimal("100000")) < 0, cnMwh.toPlainString());
        assertEquals(Decimals.plain(expected.setScale(3, java.math.RoundingMode.HALF_UP)),
                statement.at("/emissions/installationIndirectTco2").asString());
    }

    @Test
    void statementTrace_isPerMonth_namesTheGridFactorsLeafAndTheMeterReadingsLeaves() {
        Figure grid = result.figure("electricity.grid.grid.energyMwh");
        Set<String> months = new TreeSet<>();
        for (TraceInput input : grid.inputs()) {
            String id = ((TraceInput.FigureRef) input).figureId();
            months.add(id.substring("elec.".length(), "elec.2026-01".length()));
        }
        assertEquals(12, months.size(), months.toString());
        Figure emissions = result.figure("electricity.grid.grid.emissionsTco2");
        TraceInput.EvidenceRef factor = (TraceInput.EvidenceRef) emissions.inputs().get(1);
        assertEquals("emission-factor", factor.kind());
        assertEquals(leafHashOf("emission-factor", "grid-RS-2026"), factor.leafHashHex());
        assertTrue(result.figures().stream().noneMatch(f -> f.id().matches("elec\\.2026-\\d\\d-\\d\\dT.*")), "no hour figure in the statement");
        assertTrue(result.figures().stream().flatMap(f -> f.inputs().stream())
                .anyMatch(i -> i instanceof TraceInput.EntriesRef r && r.entries().kind().equals("meter-reading-batch")),
                "sub-meter readings are traced, a meter's month as one set of batch entries");
        Set<String> kinds = new TreeSet<>();
        result.usedEvidence().stream().map(UsedEvidence::kind).forEach(kinds::add);
        assertTrue(kinds.containsAll(Set.of("meter-reading-batch", "allocation-model", "emission-factor", "supply-settlement",
                "go-cancellation", "generation-data", "ppa-contract", "producer-declaration")), kinds.toString());
        int bytes = statement.toString().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 2_000_000, "statement of " + bytes + " bytes");
    }

    @Test
    void ledgerTrace_leadsFromAMonthToItsHoursAndTheirEntries() {
        var ledgerTrace = metered.ledger().trace();
        Figure grid = result.figure("electricity.grid.grid.energyMwh");
        String march = grid.inputs().stream().map(i -> ((TraceInput.FigureRef) i).figureId())
                .filter(id -> id.startsWith("elec.2026-03.")).findFirst().orElseThrow();
        Figure month = ledgerTrace.figure(march);
        String hourId = ((TraceInput.FigureRef) month.inputs().getFirst()).figureId();
        assertTrue(hourId.startsWith("elec.2026-03-01T00"), hourId);
        Figure hour = ledgerTrace.figure(hourId);
        Set<String> leaves = new TreeSet<>();
        collectEvidence(ledgerTrace, hour, leaves);
        assertTrue(leaves.stream().anyMatch(l -> l.startsWith("meter-reading-batch ")), leaves.toString());
        assertTrue(leaves.stream().anyMatch(l -> l.startsWith("generation-data ")), leaves.toString());
        assertEquals(0, new BigDecimal("5950").compareTo(metered.ledger().months().get(YearMonth.of(2026, 3)).get(ElectricityClass.PPA_RENEWABLE)));
    }

    @Test
    void calculationRecord_ofTheLargeEvidenceSet_carriesTheInputsDigest_fitsAnEntry_andRecomputes() throws Exception {
        ObjectNode record = CalculationRecords.build(result, "calc-rs-1");
        assertTrue(!record.has("inputs"), "the inputs list is replaced by its digest");
        int count = result.usedEvidence().size();
        assertTrue(count > CalculationRecords.MAX_LISTED_INPUTS, count + " inputs");
        assertEquals(count, record.at("/inputsDigest/count").asInt());
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(org.cbamledger.signer.CanonicalJson.canonicalize(result.usedEvidenceJson())));
        assertEquals(expected, record.at("/inputsDigest/sha256").asString());
        org.cbamledger.spec.RecordValidator.validateAgainst(CalculationRecords.KIND, record);
        // DSSE carries the record in base64 (4/3) plus a few hundred bytes of envelope and signature
        int payloadBytes = org.cbamledger.signer.CanonicalJson.canonicalize(record).length;
        assertTrue(payloadBytes * 4 / 3 + 1_000 < 65_536, payloadBytes + " payload bytes");

        JsonNode parsed = tools.jackson.databind.json.JsonMapper.builder().build().readTree(record.toString());
        assertEquals(List.of(), StatementRecomputer.recomputeCalculation(parsed, evidence));
        // an input the calculation used, missing from the evidence, changes the recomputed list and so its digest
        EvidenceRecord batch = evidence.stream().filter(e -> e.kind().equals("generation-data")).findFirst().orElseThrow();
        List<String> paths = StatementRecomputer.recomputeCalculation(parsed,
                evidence.stream().filter(e -> e != batch).toList()).stream().map(FigureDifference::path).toList();
        assertTrue(paths.contains("inputsDigest.sha256") && paths.contains("inputsDigest.count"), paths.toString());
    }

    @Test
    void statement_recomputesFromTheEvidence() throws Exception {
        JsonNode parsed = tools.jackson.databind.json.JsonMapper.builder().build().readTree(statement.toString());
        assertEquals(List.of(), StatementRecomputer.recompute(parsed, evidence));
    }

    private static void collectEvidence(org.cbamledger.calculation.trace.Trace trace, Figure figure, Set<String> out) {
        for (TraceInput input : figure.inputs()) {
            if (input instanceof TraceInput.EvidenceRef ref) {
                out.add(ref.kind() + " " + ref.leafIndex() + " " + ref.leafHashHex());
            } else if (input instanceof TraceInput.FigureRef ref) {
                collectEvidence(trace, trace.figure(ref.figureId()), out);
            }
        }
    }

    private static String leafHashOf(String kind, String factorId) {
        return evidence.stream().filter(e -> e.kind().equals(kind) && e.record().path("factorId").asString("").equals(factorId))
                .findFirst().orElseThrow().leafHashHex();
    }
}
