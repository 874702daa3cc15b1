package org.cbamledger.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.cbamledger.calculation.electricity.EvidenceClaim;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.map.Claim;
import org.cbamledger.signer.map.SerialRange;
import org.cbamledger.verifier.check.ElectricityCheck;
import org.cbamledger.verifier.check.UniquenessCheck;
import org.cbamledger.verifier.context.BundleCheck;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** The electricity and uniqueness checks on the seed-002 log (hourly ledger, wind PPA, GO cancellations). */
class ElectricityEvidenceCheckTest {
    static SerbianBundle serbian;
    static SerbianBundle.ClaimMap claims;
    /** Written once (some 4,500 files); a test that changes a file puts it back. */
    @TempDir
    static Path full;

    @BeforeAll
    static void build() throws Exception {
        serbian = new SerbianBundle();
        claims = serbian.claims(List.of());
        serbian.write(full, i -> true, claims);
    }

    private static List<CheckResult> run(BundleCheck check, Path bundle) throws Exception {
        return new Verifier(List.of(check)).verify(bundle, List.of()).results().stream()
                .filter(r -> r.check().equals(check instanceof ElectricityCheck ? ElectricityCheck.NAME : UniquenessCheck.NAME)).toList();
    }

    private static List<String> failures(List<CheckResult> results) {
        return results.stream().filter(CheckResult::failed).map(r -> r.subject() + ": " + r.message()).toList();
    }

    @Test
    void electricity_recomputesTheLedgerAndAllocation_forTheStatement() throws Exception {
        List<CheckResult> results = run(new ElectricityCheck(), full);
        assertEquals(List.of(), failures(results));
        assertEquals(Set.of("statement.json"), Set.copyOf(results.stream().map(CheckResult::subject).toList()));
        assertTrue(results.getFirst().message().contains("ppa-renewable 70000 MWh, grid 30000 MWh"), results.getFirst().message());
    }

    @Test
    void electricity_namesAStatedFigureThatDiffers() throws Exception {
        Path file = full.resolve("statement.json");
        String original = Files.readString(file);
        ObjectNode statement = (ObjectNode) TestLog.JSON.readTree(original);
        for (var figure : statement.withArray("/evidence/figures")) {
            if (figure.path("id").asString().equals("electricity.grid.grid.energyMwh")) {
                ((ObjectNode) figure).put("value", "29000");
            }
        }
        Files.writeString(file, TestLog.JSON.writeValueAsString(statement));
        List<String> failures;
        try {
            failures = failures(run(new ElectricityCheck(), full));
        } finally {
            Files.writeString(file, original);
        }
        assertEquals(List.of("statement.json: evidence.figures electricity.grid.grid.energyMwh: stated 29000, recomputed 30000"), failures);
    }

    @Test
    void electricity_withoutAMonthsSettlement_theGridAndPpaFiguresDiffer() throws Exception {
        long march = entryWhere("supply-settlement", "month", "2026-03");
        // an entry the bundle lacks is left out of the recompute (the layout check names the missing file)
        Path entry = full.resolve("entries/" + march + ".json");
        byte[] original = Files.readAllBytes(entry);
        Files.delete(entry);
        List<String> failures;
        try {
            failures = failures(run(new ElectricityCheck(), full));
        } finally {
            Files.write(entry, original);
        }
        assertTrue(failures.contains("statement.json: evidence.figures electricity.grid.grid.energyMwh: stated 30000, recomputed 35950"), failures.toString());
        assertTrue(failures.stream().anyMatch(f -> f.startsWith("statement.json: evidence.figures indirect.cn.76041090.tco2: stated ")),
                failures.toString());
    }

    @Test
    void uniqueness_everyGoCancellationAndSettlementIsProvenTheOnlyClaim() throws Exception {
        List<CheckResult> results = run(new UniquenessCheck(), full);
        assertEquals(List.of(), failures(results));
        long proven = results.stream().filter(r -> r.subject().startsWith("entries/") && r.message().endsWith("claimed by this entry alone")).count();
        assertEquals(serbian.claimingEntries.size(), proven);
        assertEquals(24, proven, "12 GO cancellations and 12 settlements");
        assertTrue(results.stream().anyMatch(r -> r.subject().equals(UniquenessCheck.MAP_CHECKPOINT) && r.status() == CheckStatus.PASS));
    }

    @Test
    void uniqueness_whenAnotherLogClaimedTheSerialsFirst_theEntryFails() throws Exception {
        long march = entryWhere("go-cancellation", "cancellationId", "GOC-2026-03");
        Claim other = new Claim("another-log", 7, "c".repeat(64));
        var first = new SerbianBundle.EvidenceClaimBy(new EvidenceClaim.GoRange(
                SerialRange.parse("RS-EMS", "RS-EMS-0117-000000012000", "RS-EMS-0117-000000012100")), other);
        serbian.writeClaims(full, serbian.claims(List.of(first)));
        List<String> failures;
        try {
            failures = failures(run(new UniquenessCheck(), full));
        } finally {
            serbian.writeClaims(full, claims);
        }
        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.getFirst().startsWith("entries/" + march + ".json: GO serials RS-EMS:RS-EMS-0117-000000011481..RS-EMS-0117-000000017430: "),
                failures.getFirst());
    }

    @Test
    void uniqueness_aProofOfAnotherMapFails_andMissingProofsAreNotChecked() throws Exception {
        String key = "ppa:PPA-RS-2026-001:2026-03";
        var otherMap = serbian.claims(List.of(new SerbianBundle.EvidenceClaimBy(new EvidenceClaim.PpaPeriod("PPA-X", "2026-01"),
                new Claim("another-log", 1, "d".repeat(64)))));
        Path proof = full.resolve(UniquenessCheck.proofFile(key));
        String original = Files.readString(proof);
        Files.writeString(proof, TestLog.JSON.writeValueAsString(otherMap.map().prove(key).toJson()));
        List<String> failures;
        try {
            failures = failures(run(new UniquenessCheck(), full));
        } finally {
            Files.writeString(proof, original);
        }
        assertEquals(2, failures.size(), failures.toString());
        assertTrue(failures.getFirst().contains("does not match the map root"), failures.toString());

        Path moved = full.resolveSibling(full.getFileName() + "-uniqueness");
        Files.move(full.resolve(UniquenessCheck.DIRECTORY), moved);
        List<CheckResult> none;
        try {
            none = run(new UniquenessCheck(), full);
        } finally {
            Files.move(moved, full.resolve(UniquenessCheck.DIRECTORY));
        }
        assertEquals(List.of(CheckStatus.NOT_CHECKED), none.stream().map(CheckResult::status).toList());
    }

    private static long entryWhere(String kind, String field, String value) throws Exception {
        for (long i = 0; i < serbian.log.size(); i++) {
            Envelope envelope = Envelope.parse(serbian.log.entry(i));
            if (envelope.kind().equals(kind) && envelope.record().path(field).asString("").equals(value)) {
                return i;
            }
        }
        throw new IllegalStateException("no " + kind + " with " + field + " " + value);
    }
}
