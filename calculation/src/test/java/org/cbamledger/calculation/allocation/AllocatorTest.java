package org.cbamledger.calculation.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cbamledger.calculation.core.Decimals;
import org.cbamledger.calculation.core.ReportingPeriod;
import org.cbamledger.calculation.electricity.SerbianScenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The allocation model of the Serbian scenario: presses sub-metered, compressed air by tonnes, offices excluded. */
class AllocatorTest {
    private static final ReportingPeriod YEAR = new ReportingPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
    private static AllocationResult allocation;
    private static final Map<String, BigDecimal> METER_MWH = new HashMap<>();

    @BeforeAll
    static void allocate() throws Exception {
        allocation = Allocator.allocate("RS-EXTRUDER-01", YEAR, SerbianScenario.evidence());
        // the sub-meters' totals straight from the scenario file, independently of the engine
        for (String line : Files.readAllLines(SerbianScenario.DIR.resolve("meter-daily.csv"))) {
            String[] cells = line.split(",");
            if (cells.length == 3 && !line.startsWith("#") && !cells[0].equals("meterId")) {
                METER_MWH.merge(cells[0], new BigDecimal(cells[2]).movePointLeft(3), BigDecimal::add);
            }
        }
    }

    private static void assertExactly(BigDecimal expected, BigDecimal actual) {
        assertEquals(0, expected.compareTo(actual), "expected " + expected.toPlainString() + ", got " + actual.toPlainString());
    }

    @Test
    void lines_getTheirSubMeteredMwhFirst_thenCompressedAirByTonnes() {
        BigDecimal air = METER_MWH.get("compressed-air");
        LineAllocation press1 = allocation.line("PRESS-1");
        assertExactly(METER_MWH.get("press-1"), press1.subMeteredMwh().value());
        assertExactly(air.multiply(new BigDecimal("0.55")), press1.auxiliaryMwh().value());
        assertExactly(METER_MWH.get("press-1").add(air.multiply(new BigDecimal("0.55"))), press1.electricityMwh().value());
        assertExactly(Decimals.divide(press1.electricityMwh().value(), new BigDecimal(11000)), press1.mwhPerTonne().orElseThrow().value());
        assertExactly(METER_MWH.get("press-2").add(air.multiply(new BigDecimal("0.45"))), allocation.line("PRESS-2").electricityMwh().value());
    }

    @Test
    void excludedLoads_areLeftOut_andSubMetersReconcileWithinTolerance() {
        assertExactly(METER_MWH.get("offices"), allocation.excludedMwh().value());
        Reconciliation r = allocation.reconciliation();
        assertExactly(new BigDecimal("100000"), r.mainMwh().value());
        BigDecimal sub = METER_MWH.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertExactly(sub, r.subMeteredMwh().value());
        assertTrue(r.withinTolerance());
        assertTrue(r.unmeteredPercent().value().compareTo(BigDecimal.ONE) >= 0, r.unmeteredPercent().value().toPlainString());
        assertTrue(allocation.findings().isEmpty(), allocation.findings().toString());
    }

    @Test
    void batches_sumByDestination_euAndNonEuApart() {
        // press 2 made 4,500 t of its 9,000 t for outside the EU
        assertExactly(allocation.line("PRESS-2").electricityMwh().value().divide(new BigDecimal(2)), allocation.destinationMwh().get("non-EU").value());
        BigDecimal allocated = allocation.line("PRESS-1").electricityMwh().value().add(allocation.line("PRESS-2").electricityMwh().value());
        assertExactly(allocated, allocation.destinationMwh().get("EU").value().add(allocation.destinationMwh().get("non-EU").value()));
        assertExactly(allocated, allocation.cnCodeMwh().get("76041090").value());
    }

    @Test
    void missingSubMeter_isNamed_andBreaksTheReconciliation() throws Exception {
        List<ObjectNode> records = SerbianScenario.copies();
        records.removeIf(r -> r.path("meterId").asString().equals("press-2")
                && (r.path("kind").asString().equals("meter") || r.path("kind").asString().equals("meter-reading-batch")));
        AllocationResult broken = Allocator.allocate("RS-EXTRUDER-01", YEAR, SerbianScenario.evidenceOf(records));
        assertFalse(broken.reconciliation().withinTolerance());
        assertEquals(List.of(AllocationFinding.Type.MISSING_METER, AllocationFinding.Type.MISSING_METER, AllocationFinding.Type.UNRECONCILED),
                broken.findings().stream().map(AllocationFinding::type).toList());
        assertEquals("meter press-2 of the allocation model has no meter record", broken.findings().getFirst().detail());
    }

    @Test
    void machineHoursBasis_andSharedFuel_followTheModel() throws Exception {
        List<ObjectNode> records = SerbianScenario.copies();
        ObjectNode model = records.stream().filter(r -> r.path("kind").asString().equals("allocation-model")).findFirst().orElseThrow();
        ((ObjectNode) model.at("/sharedAuxiliaries/0")).put("basis", "machine-hours");
        model.putArray("sharedFuels").addObject().put("recordId", "NG-PRESS-1-2026").put("basis", "machine-hours")
                .putArray("lineIds").add("PRESS-1").add("PRESS-2");
        AllocationResult byHours = Allocator.allocate("RS-EXTRUDER-01", YEAR, SerbianScenario.evidenceOf(records));
        // machine hours 7200 and 6800: shares 0.5142857... and 0.4857142..., every figure at the policy's 34 digits
        BigDecimal share1 = Decimals.divide(new BigDecimal(7200), new BigDecimal(14000));
        assertExactly(Decimals.round(METER_MWH.get("compressed-air").multiply(share1)), byHours.line("PRESS-1").auxiliaryMwh().value());
        assertExactly(Decimals.round(new BigDecimal(8800).multiply(share1)), byHours.line("PRESS-1").fuelGj().value());
        assertExactly(Decimals.round(new BigDecimal(7200).add(Decimals.round(
                        new BigDecimal(8800).multiply(Decimals.divide(new BigDecimal(6800), new BigDecimal(14000)))))),
                byHours.line("PRESS-2").fuelGj().value());
    }

    @Test
    void indirectEmissions_followTheAllocatedMwh_atTheLedgersFactor() throws Exception {
        var ledger = org.cbamledger.calculation.electricity.ElectricityLedger.classify("RS-EXTRUDER-01", YEAR,
                org.cbamledger.calculation.electricity.ElectricityRules.gridByDefault(SerbianScenario.GRID_FACTOR), SerbianScenario.evidence());
        IndirectEmissionsByLine.Result indirect = IndirectEmissionsByLine.derive(ledger, allocation);
        // 30,000 MWh grid x 0.85 over 100,000 MWh
        assertExactly(new BigDecimal("0.255"), indirect.factorTco2PerMwh().value());
        assertExactly(allocation.line("PRESS-1").electricityMwh().value().multiply(new BigDecimal("0.255")),
                indirect.lineTco2().get("PRESS-1").value());
    }
}
