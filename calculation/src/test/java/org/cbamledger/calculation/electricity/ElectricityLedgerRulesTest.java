package org.cbamledger.calculation.electricity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.cbamledger.calculation.core.ReportingPeriod;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The rules of seed 002 on the Serbian scenario with one piece of evidence changed at a time. */
class ElectricityLedgerRulesTest {
    private static final ReportingPeriod YEAR = new ReportingPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
    private static final ElectricityRules GRID_RULE = ElectricityRules.gridByDefault(SerbianScenario.GRID_FACTOR);

    private static ElectricityLedgerResult classify(List<ObjectNode> records, ElectricityRules rules) throws Exception {
        return ElectricityLedger.classify("RS-EXTRUDER-01", YEAR, rules, SerbianScenario.evidenceOf(records));
    }

    private static ElectricityLedgerResult classifyWithout(Predicate<JsonNode> drop, ElectricityRules rules) throws Exception {
        return ElectricityLedger.classify("RS-EXTRUDER-01", YEAR, rules, SerbianScenario.evidenceWithout(drop));
    }

    private static List<ObjectNode> without(Predicate<JsonNode> drop) throws Exception {
        List<ObjectNode> records = SerbianScenario.copies();
        records.removeIf(drop);
        return records;
    }

    private static boolean generationIn(JsonNode r, String month) {
        return r.path("kind").asString().equals("generation-data") && r.at("/intervals/0/start").asString().startsWith(month);
    }

    private static ObjectNode find(List<ObjectNode> records, String kind, String idField, String id) {
        return records.stream().filter(r -> r.path("kind").asString().equals(kind) && r.path(idField).asString().equals(id))
                .findFirst().orElseThrow();
    }

    private static void assertMwh(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " MWh, got " + actual.toPlainString());
    }

    @Test
    void ppaMonthWithoutGoCancellation_isGrid_neverGreenByAssumption() throws Exception {
        ElectricityLedgerResult ledger = classifyWithout(r -> r.path("cancellationId").asString().equals("GOC-2026-05"), GRID_RULE);
        assertMwh("64120", ledger.energyMwh(ElectricityClass.PPA_RENEWABLE));
        assertMwh("35880", ledger.energyMwh(ElectricityClass.GRID));
        assertTrue(ledger.findings().stream().anyMatch(f -> f.type() == FindingType.NO_GO_CANCELLATION && f.period().equals("2026-05")));
    }

    @Test
    void goCancellationsAlone_neverSetAFactor() throws Exception {
        ElectricityLedgerResult ledger = classifyWithout(r -> r.path("kind").asString().equals("generation-data")
                || r.path("kind").asString().equals("supply-settlement"), GRID_RULE);
        assertMwh("0", ledger.energyMwh(ElectricityClass.PPA_RENEWABLE));
        assertMwh("100000", ledger.energyMwh(ElectricityClass.GRID));
        assertMwh("85000", ledger.totalEmissionsTco2().value());
        assertEquals(12, ledger.findings().stream().filter(f -> f.type() == FindingType.NO_GENERATOR_DATA).count());
    }

    @Test
    void unbackedPpaVolume_isUnverified_whenTheRulesSaySo() throws Exception {
        ElectricityLedgerResult ledger = classifyWithout(r -> generationIn(r, "2026-03"),
                new ElectricityRules(SerbianScenario.GRID_FACTOR, ElectricityClass.UNVERIFIED));
        assertMwh("64050", ledger.energyMwh(ElectricityClass.PPA_RENEWABLE));
        assertMwh("5950", ledger.energyMwh(ElectricityClass.UNVERIFIED));
        assertMwh("30000", ledger.energyMwh(ElectricityClass.GRID));
        assertMwh("30557.5", ledger.emissionsTco2(ElectricityClass.GRID).add(ledger.emissionsTco2(ElectricityClass.UNVERIFIED)));
    }

    @Test
    void monthlyGenerationData_matchMonthly_andAreMarkedMonthly() throws Exception {
        List<ObjectNode> records = without(r -> generationIn(r, "2026-03"));
        ObjectNode monthly = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        monthly.put("kind", "generation-data");
        monthly.put("assetId", "WPP-KOSAVA-1");
        monthly.put("meterId", "gen-kosava-1");
        monthly.put("resolution", "P1M");
        monthly.putArray("intervals").addObject().put("start", "2026-03-01T00:00:00Z").put("energyMwh", "5950").put("quality", "GOOD");
        monthly.putArray("outages");
        monthly.putArray("curtailments");
        records.add(monthly);
        ElectricityLedgerResult ledger = classify(records, GRID_RULE);
        assertMwh("70000", ledger.energyMwh(ElectricityClass.PPA_RENEWABLE));
        assertEquals(java.util.Set.of(Resolution.HOURLY, Resolution.MONTHLY), ledger.classes().get(ElectricityClass.PPA_RENEWABLE).resolutions());
        assertEquals(8760 - 31 * 24, ledger.hours().size());
        assertTrue(ledger.trace().has("elec.2026-03.ppa.PPA-RS-2026-001.ppaMwh"));
    }

    @Test
    void verifiedReplacement_isReplacement_atItsOwnFactor() throws Exception {
        List<ObjectNode> records = SerbianScenario.copies();
        ObjectNode april = find(records, "supply-settlement", "settlementId", "SET-2026-04");
        april.put("replacementMwh", "1000");
        april.putObject("replacement").put("source", "hydro power plant, separately metered, GOs cancelled").put("verified", true)
                .put("emissionFactorTco2PerMwh", "0.01");
        ElectricityLedgerResult ledger = classify(records, GRID_RULE);
        assertMwh("1000", ledger.energyMwh(ElectricityClass.REPLACEMENT));
        assertMwh("29000", ledger.energyMwh(ElectricityClass.GRID));
        assertMwh("10", ledger.emissionsTco2(ElectricityClass.REPLACEMENT));
    }

    @Test
    void unverifiedReplacement_staysGrid() throws Exception {
        List<ObjectNode> records = SerbianScenario.copies();
        ObjectNode april = find(records, "supply-settlement", "settlementId", "SET-2026-04");
        april.put("replacementMwh", "1000");
        april.putObject("replacement").put("source", "supplier portfolio").put("verified", false);
        ElectricityLedgerResult ledger = classify(records, GRID_RULE);
        assertMwh("0", ledger.energyMwh(ElectricityClass.REPLACEMENT));
        assertMwh("30000", ledger.energyMwh(ElectricityClass.GRID));
        assertTrue(ledger.findings().stream().anyMatch(f -> f.type() == FindingType.UNVERIFIED_REPLACEMENT));
    }

    @Test
    void settlementBeyondTheCancelledGos_isCappedAtTheGos() throws Exception {
        List<ObjectNode> records = SerbianScenario.copies();
        ObjectNode january = find(records, "go-cancellation", "cancellationId", "GOC-2026-01");
        january.put("mwh", "5000");
        january.put("lastSerial", "RS-EMS-0117-000000005000");
        ElectricityLedgerResult ledger = classify(records, GRID_RULE);
        assertMwh("68980", ledger.energyMwh(ElectricityClass.PPA_RENEWABLE));
        assertMwh("31020", ledger.energyMwh(ElectricityClass.GRID));
        assertTrue(ledger.trace().has("elec.2026-01-31T23.ppa.PPA-RS-2026-001.capLeftMwh"));
        assertTrue(ledger.findings().stream().anyMatch(f -> f.type() == FindingType.SETTLEMENT_EXCEEDS_GO));
    }

    @Test
    void goSerialsClaimedTwice_countOnce() throws Exception {
        List<ObjectNode> records = SerbianScenario.copies();
        ObjectNode copy = find(records, "go-cancellation", "cancellationId", "GOC-2026-06").deepCopy();
        copy.put("cancellationId", "GOC-2026-06-AGAIN");
        records.add(copy);
        ElectricityLedgerResult ledger = classify(records, GRID_RULE);
        assertMwh("70000", ledger.energyMwh(ElectricityClass.PPA_RENEWABLE));
        assertTrue(ledger.findings().stream().anyMatch(f -> f.type() == FindingType.GO_DOUBLE_CLAIM && f.detail().contains("GOC-2026-06-AGAIN")));
    }

    @Test
    void missingImportHour_isNotClassified_andIsNamed() throws Exception {
        List<ObjectNode> records = SerbianScenario.copies();
        ObjectNode day = records.stream().filter(r -> r.path("kind").asString().equals("meter-reading-batch")
                && r.path("meterId").asString().equals("main-incomer") && r.at("/readings/0/intervalStart").asString().startsWith("2026-09-15"))
                .findFirst().orElseThrow();
        ObjectNode reading = (ObjectNode) day.at("/readings/5");
        BigDecimal lostKwh = new BigDecimal(reading.path("energyKwh").asString());
        reading.putNull("energyKwh");
        reading.putNull("rawRegisterValue");
        reading.put("quality", "COMM_FAILURE");
        ElectricityLedgerResult ledger = classify(records, GRID_RULE);
        assertMwh(new BigDecimal("100000").subtract(lostKwh.movePointLeft(3)).toPlainString(), ledger.totalEnergyMwh().value());
        assertTrue(ledger.findings().stream().anyMatch(f -> f.type() == FindingType.MISSING_INTERVAL
                && f.subject().equals("main-incomer") && f.detail().contains("2026-09-15T05")), ledger.findings().toString());
    }

    private static ObjectNode sourceMeter(List<ObjectNode> records, String meterId, String role, boolean renewable, String factor) {
        var nodes = tools.jackson.databind.node.JsonNodeFactory.instance;
        ObjectNode meter = nodes.objectNode().put("kind", "meter").put("meterId", meterId).put("installationId", "RS-EXTRUDER-01")
                .put("deviceId", "gw-03").put("measures", "active-energy-import").put("protocol", "modbus-tcp").put("intervalSeconds", 3600);
        ObjectNode meterRole = nodes.objectNode().put("kind", "meter-role").put("meterId", meterId).put("installationId", "RS-EXTRUDER-01")
                .put("role", role).put("renewable", renewable).put("emissionFactorTco2PerMwh", factor);
        ObjectNode batch = nodes.objectNode().put("kind", "meter-reading-batch").put("meterId", meterId).put("deviceId", "gw-03").put("sequence", 0);
        var readings = batch.putArray("readings");
        java.time.Instant start = java.time.Instant.parse("2026-06-01T00:00:00Z");
        for (int h = 0; h < 24; h++) {
            readings.addObject().put("intervalStart", start.plusSeconds(3600L * h).toString())
                    .put("intervalEnd", start.plusSeconds(3600L * (h + 1)).toString()).put("energyKwh", "250.5")
                    .put("rawRegisterValue", String.format("%016x", 2505L * (h + 1))).put("scale", "0.1").put("quality", "GOOD");
        }
        records.addAll(List.of(meter, meterRole, batch));
        return batch;
    }

    @Test
    void onSiteSolar_backupGenerator_andDirectLine_areClassedByTheirMeters_atTheirFactors() throws Exception {
        List<ObjectNode> records = SerbianScenario.copies();
        sourceMeter(records, "rooftop-pv", "on-site-generation", true, "0");
        sourceMeter(records, "diesel-genset", "backup-generation", false, "0.8");
        sourceMeter(records, "hydro-direct", "direct-line", true, "0.004");
        ElectricityLedgerResult ledger = classify(records, GRID_RULE);
        assertMwh("6.012", ledger.energyMwh(ElectricityClass.ON_SITE_RENEWABLE));
        assertMwh("6.012", ledger.energyMwh(ElectricityClass.BACKUP_FOSSIL));
        assertMwh("4.8096", ledger.emissionsTco2(ElectricityClass.BACKUP_FOSSIL));
        assertMwh("6.012", ledger.energyMwh(ElectricityClass.DIRECT_LINE));
        assertMwh("100018.036", ledger.totalEnergyMwh().value());
        assertMwh("70000", ledger.energyMwh(ElectricityClass.PPA_RENEWABLE));
        // hours outside June 1st show no on-site reading: the meter is named missing for those hours
        assertTrue(ledger.findings().stream().anyMatch(f -> f.type() == FindingType.MISSING_INTERVAL && f.subject().equals("rooftop-pv")));
    }

    @Test
    void suspectImportReading_makesTheHourUnverified_notPpa() throws Exception {
        List<ObjectNode> records = SerbianScenario.copies();
        ObjectNode day = records.stream().filter(r -> r.path("kind").asString().equals("meter-reading-batch")
                && r.path("meterId").asString().equals("main-incomer") && r.at("/readings/0/intervalStart").asString().startsWith("2026-02-02"))
                .findFirst().orElseThrow();
        ((ObjectNode) day.at("/readings/10")).put("quality", "SUSPECT");
        BigDecimal suspectMwh = new BigDecimal(day.at("/readings/10/energyKwh").asString()).movePointLeft(3);
        ElectricityLedgerResult ledger = classify(records, GRID_RULE);
        assertMwh(suspectMwh.toPlainString(), ledger.energyMwh(ElectricityClass.UNVERIFIED));
        assertMwh("100000", ledger.totalEnergyMwh().value());
        assertTrue(ledger.findings().stream().anyMatch(f -> f.type() == FindingType.SUSPECT_INTERVAL && f.period().equals("2026-02-02T10")));
    }

    @Test
    void contractWithMonthlyMatching_isMatchedMonthly_withTheSameVolume() throws Exception {
        List<ObjectNode> records = SerbianScenario.copies();
        find(records, "ppa-contract", "contractId", "PPA-RS-2026-001").put("matching", "monthly");
        ElectricityLedgerResult ledger = classify(records, GRID_RULE);
        assertMwh("70000", ledger.energyMwh(ElectricityClass.PPA_RENEWABLE));
        assertMwh("30000", ledger.energyMwh(ElectricityClass.GRID));
        assertEquals(java.util.Set.of(Resolution.MONTHLY), ledger.classes().get(ElectricityClass.PPA_RENEWABLE).resolutions());
        assertEquals(0, ledger.hours().size());
    }
}
