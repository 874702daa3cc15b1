package org.cbamledger.calculation.electricity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.cbamledger.calculation.core.ReportingPeriod;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import org.cbamledger.spec.RecordValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed 002, example 2: 100,000 MWh contracted, 70,000 MWh delivered: 70,000 PPA-backed, 30,000 grid. */
class SerbianScenarioTest {
    static final ReportingPeriod YEAR = new ReportingPeriod(java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 12, 31));
    static ElectricityLedgerResult ledger;

    @BeforeAll
    static void classify() throws Exception {
        List<EvidenceRecord> evidence = SerbianScenario.evidence();
        ledger = ElectricityLedger.classify("RS-EXTRUDER-01", YEAR, ElectricityRules.gridByDefault(SerbianScenario.GRID_FACTOR), evidence);
    }

    @Test
    void ledger_classesExactly70000MwhAsPpaBackedAnd30000MwhAsGrid() {
        assertEquals(0, new BigDecimal("70000").compareTo(ledger.energyMwh(ElectricityClass.PPA_RENEWABLE)));
        assertEquals(0, new BigDecimal("30000").compareTo(ledger.energyMwh(ElectricityClass.GRID)));
        assertEquals(0, new BigDecimal("100000").compareTo(ledger.totalEnergyMwh().value()));
        for (ElectricityClass other : List.of(ElectricityClass.ON_SITE_RENEWABLE, ElectricityClass.DIRECT_LINE,
                ElectricityClass.BACKUP_FOSSIL, ElectricityClass.REPLACEMENT, ElectricityClass.UNVERIFIED)) {
            assertEquals(0, ledger.energyMwh(other).signum(), other.wireName());
        }
    }

    @Test
    void ledger_emissionsAreGridMwhTimesTheGridFactor_andZeroForTheWindPpa() {
        assertEquals(0, new BigDecimal("25500").compareTo(ledger.emissionsTco2(ElectricityClass.GRID)));
        assertEquals(0, ledger.emissionsTco2(ElectricityClass.PPA_RENEWABLE).signum());
        assertEquals(0, new BigDecimal("25500").compareTo(ledger.totalEmissionsTco2().value()));
    }

    @Test
    void ledger_matchesHourly_everyHourOfTheYear() {
        assertEquals(Set.of(Resolution.HOURLY), ledger.classes().get(ElectricityClass.PPA_RENEWABLE).resolutions());
        assertEquals(8760, ledger.hours().size());
        assertEquals(12, ledger.months().size());
        assertEquals(0, new BigDecimal("5950").compareTo(ledger.months().get(java.time.YearMonth.of(2026, 3)).get(ElectricityClass.PPA_RENEWABLE)));
    }

    @Test
    void ppaEvidence_namesContractSettlementsGeneratorDataGoCancellationsAndDeclarations() {
        Set<String> kinds = new java.util.TreeSet<>();
        ledger.classes().get(ElectricityClass.PPA_RENEWABLE).evidence().forEach(e -> kinds.add(e.kind()));
        assertEquals(Set.of("ppa-contract", "supply-settlement", "generation-data", "go-cancellation", "producer-declaration"), kinds);
        assertTrue(ledger.findings().isEmpty(), ledger.findings().toString());
    }

    @Test
    void hourTrace_leadsToTheMeterReadingAndGeneratorEntries() {
        LedgerHour hour = ledger.hours().get(100);
        String figureId = hour.figureIds().get(ElectricityClass.PPA_RENEWABLE);
        var figure = ledger.trace().figure(figureId);
        assertEquals("difference", figure.operation().wireName());
        var over = ledger.trace().figure(((org.cbamledger.calculation.trace.TraceInput.FigureRef) figure.inputs().get(1)).figureId());
        assertTrue(over.inputs().get(1) instanceof org.cbamledger.calculation.trace.TraceInput.EvidenceRef ref
                && ref.kind().equals("generation-data"), over.toJson().toString());
    }

    @Test
    void everyScenarioRecord_matchesItsSchema() throws Exception {
        for (ScenarioRecord record : SerbianScenario.records()) {
            RecordValidator.validateAgainst(record.kind(), record.record());
        }
    }

    @Test
    void generatedFiles_areWhatTheGeneratorWrites(@TempDir Path temp) throws Exception {
        SerbianScenarioGenerator.write(temp);
        for (String file : SerbianScenarioGenerator.FILES) {
            assertEquals(Files.readString(temp.resolve(file)), Files.readString(SerbianScenario.DIR.resolve(file)), file);
        }
    }

    @Test
    void scenarioGoCancellations_claimOnce_andASecondClaimOnTheSameRangeIsRejected() throws Exception {
        var map = new org.cbamledger.signer.map.UniquenessMap(new org.cbamledger.signer.map.MemoryMapNodeStore());
        List<EvidenceRecord> evidence = SerbianScenario.evidence();
        org.cbamledger.signer.map.SerialRange march = null;
        for (EvidenceRecord record : evidence) {
            if (record.kind().equals("go-cancellation")) {
                var range = org.cbamledger.signer.map.SerialRange.parse(record.record().path("registry").asString(),
                        record.record().path("firstSerial").asString(), record.record().path("lastSerial").asString());
                map.claimGoRange(range, new org.cbamledger.signer.map.Claim("rs-extruder", record.leafIndex(), record.leafHashHex()));
                if (record.record().path("cancellationId").asString().equals("GOC-2026-03")) {
                    march = range;
                }
            }
        }
        var second = new org.cbamledger.signer.map.Claim("another-log", 7, "c".repeat(64));
        var rejected = org.junit.jupiter.api.Assertions.assertThrows(org.cbamledger.signer.map.ClaimConflictException.class,
                () -> map.claimGoRange(org.cbamledger.signer.map.SerialRange.parse("RS-EMS", "RS-EMS-0117-000000012000", "RS-EMS-0117-000000012100"), second));
        // serials 12,000 to 12,100 lie in March's range (11,481 to 17,430): the rejection names March's cancellation
        assertEquals(claimOf(evidence, "GOC-2026-03"), rejected.firstClaim());
        org.cbamledger.signer.map.UniquenessVerifier.verifyGoRange(map.rootHash(), march, claimOf(evidence, "GOC-2026-03"),
                map.proveGoRange(march));
    }

    private static org.cbamledger.signer.map.Claim claimOf(List<EvidenceRecord> evidence, String cancellationId) {
        EvidenceRecord record = evidence.stream().filter(r -> r.record().path("cancellationId").asString().equals(cancellationId))
                .findFirst().orElseThrow();
        return new org.cbamledger.signer.map.Claim("rs-extruder", record.leafIndex(), record.leafHashHex());
    }
}
