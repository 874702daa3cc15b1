package org.cbamledger.service.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.cbamledger.calculation.electricity.EvidenceClaim;
import org.cbamledger.calculation.scenario.ElectricityScenarioFiles;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TestLog;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.signer.ProofException;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.signer.map.Claim;
import org.cbamledger.signer.map.ClaimProof;
import org.cbamledger.verifier.VerificationReport;
import org.cbamledger.verifier.Verifier;
import org.cbamledger.verifier.check.UniquenessCheck;
import org.cbamledger.verifier.context.CheckStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** GO serial ranges and PPA months are claimed once across every log of the deployment (seed 002). */
class DeploymentClaimsTest {
    private static final Path SCENARIO = Path.of("..", "scenarios", "serbian-extruder-ppa-2026");
    private static final List<String> KINDS = List.of("go-cancellation", "supply-settlement");
    static RunningService service;
    static List<ScenarioRecord> records;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start();
        Scenario scenario = ScenarioLoader.load(SCENARIO);
        records = ElectricityScenarioFiles.load(SCENARIO, scenario);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void sameGoRangeCancelledInTwoLogs_theSecondIs409NamingTheFirst_andAppendsNothing() throws Exception {
        TestLog a = TestLog.create(service, "claims-a");
        TestLog b = TestLog.create(service, "claims-b");
        SigningKey producerA = a.registerKey("submitter", KINDS);
        SigningKey producerB = b.registerKey("submitter", KINDS);
        byte[] march = json(record("go-cancellation", "cancellationId", "GOC-2026-03"));

        HttpResponse<byte[]> first = a.submit(TestLog.sign("go-cancellation", march, producerA));
        assertEquals(201, first.statusCode(), Http.text(first));
        JsonNode receipt = Http.json(first);
        long sizeB = b.sequencedSize();

        HttpResponse<byte[]> second = b.submit(TestLog.sign("go-cancellation", march, producerB));
        assertEquals(409, second.statusCode(), Http.text(second));
        assertEquals("application/problem+json", second.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonNode problem = Http.json(second);
        assertEquals("https://cbam-ledger.org/problems/claim-conflict", problem.get("type").asString());
        assertTrue(problem.get("detail").asString().contains("GO serials RS-EMS:RS-EMS-0117-000000011481..RS-EMS-0117-000000017430"
                + " is already claimed by log claims-a leaf " + receipt.get("index").asLong() + " (" + receipt.get("leafHash").asString() + ")"),
                problem.get("detail").asString());
        assertEquals(sizeB, b.sequencedSize(), "nothing appended");

        // the replay in the first log gets its receipt again
        HttpResponse<byte[]> replay = a.submit(TestLog.sign("go-cancellation", march, producerA));
        assertEquals(200, replay.statusCode(), Http.text(replay));
    }

    @Test
    void overlappingRangeAndSameSettlementMonth_areRejected_neighbouringRangeIsAccepted_andProofsVerifyOffline() throws Exception {
        TestLog c = TestLog.create(service, "claims-c");
        TestLog d = TestLog.create(service, "claims-d");
        SigningKey keyC = c.registerKey("submitter", KINDS);
        SigningKey keyD = d.registerKey("submitter", KINDS);
        ObjectNode april = record("go-cancellation", "cancellationId", "GOC-2026-04");
        HttpResponse<byte[]> claimed = c.submit(TestLog.sign("go-cancellation", json(april), keyC));
        assertEquals(201, claimed.statusCode(), Http.text(claimed));

        ObjectNode overlapping = april.deepCopy().put("cancellationId", "GOC-X-1")
                .put("firstSerial", "RS-EMS-0117-000000017000").put("lastSerial", "RS-EMS-0117-000000017500").put("mwh", "501");
        assertEquals(409, d.submit(TestLog.sign("go-cancellation", json(overlapping), keyD)).statusCode());
        ObjectNode neighbour = april.deepCopy().put("cancellationId", "GOC-X-2")
                .put("firstSerial", "RS-EMS-0117-000000900000").put("lastSerial", "RS-EMS-0117-000000900099").put("mwh", "100");
        HttpResponse<byte[]> accepted = d.submit(TestLog.sign("go-cancellation", json(neighbour), keyD));
        assertEquals(201, accepted.statusCode(), Http.text(accepted));

        byte[] settlement = json(record("supply-settlement", "month", "2026-04"));
        HttpResponse<byte[]> settled = c.submit(TestLog.sign("supply-settlement", settlement, keyC));
        assertEquals(201, settled.statusCode(), Http.text(settled));
        HttpResponse<byte[]> again = d.submit(TestLog.sign("supply-settlement", settlement, keyD));
        assertEquals(409, again.statusCode(), Http.text(again));
        assertTrue(Http.json(again).get("detail").asString().contains("PPA PPA-RS-2026-001 delivered MWh of 2026-04 is already claimed by log claims-c"));

        JsonNode receipt = Http.json(claimed);
        Claim claim = new Claim("claims-c", receipt.get("index").asLong(), receipt.get("leafHash").asString());
        EvidenceClaim target = EvidenceClaim.of("go-cancellation", april).orElseThrow();
        java.util.Map<String, ClaimProof> proofs = new java.util.HashMap<>();
        byte[] root = null;
        for (String key : target.claimKeys()) {
            JsonNode body = Http.json(service.http().get("claims/" + URLEncoder.encode(key, StandardCharsets.UTF_8), c.readToken));
            proofs.put(key, ClaimProof.fromJson(body));
            root = Base64.getDecoder().decode(body.get("mapRootHash").asString());
        }
        target.verify(root, claim, proofs);
        Claim other = new Claim("claims-d", claim.leafIndex(), claim.leafHashHex());
        byte[] mapRoot = root;
        assertThrows(ProofException.class, () -> target.verify(mapRoot, other, proofs));

        JsonNode unclaimed = Http.json(service.http().get("claims/ppa:PPA-NOBODY:2026-01", c.readToken));
        assertTrue(unclaimed.get("value").isNull());
        assertEquals(400, service.http().get("claims/nonsense", c.readToken).statusCode());
    }

    @Test
    void exportedBundle_carriesUniquenessProofs_thatTheVerifierAccepts() throws Exception {
        TestLog e = TestLog.create(service, "claims-e");
        SigningKey key = e.registerKey("submitter", KINDS);
        ObjectNode may = record("go-cancellation", "cancellationId", "GOC-2026-05");
        HttpResponse<byte[]> claimed = e.submitAndWait(TestLog.sign("go-cancellation", json(may), key));
        assertEquals(201, claimed.statusCode(), Http.text(claimed));
        HttpResponse<byte[]> zip = e.read("bundle");
        assertEquals(200, zip.statusCode());
        Path dir = java.nio.file.Files.createTempDirectory("claims-bundle");
        try {
            unzip(zip.body(), dir);
            EvidenceClaim target = EvidenceClaim.of("go-cancellation", may).orElseThrow();
            assertTrue(java.nio.file.Files.exists(dir.resolve("uniqueness/map.note")));
            for (String claimKey : target.claimKeys()) {
                assertTrue(java.nio.file.Files.exists(dir.resolve(UniquenessCheck.proofFile(claimKey))), claimKey);
            }
            VerificationReport report = new Verifier().verify(dir, List.of(NoteVerifier.parse(e.logVerifierKey)));
            assertTrue(report.passed(), report.failures().toString());
            long uniquenessPasses = report.results().stream()
                    .filter(r -> r.check().equals(UniquenessCheck.NAME) && r.status() == CheckStatus.PASS).count();
            // map note + one proof per claim key + the claiming entry
            assertEquals(1 + target.claimKeys().size() + 1, uniquenessPasses, report.results().toString());
        } finally {
            org.cbamledger.service.bundle.DirectoryZip.deleteTree(dir);
        }
    }

    private static void unzip(byte[] zip, Path dir) throws java.io.IOException {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = dir.resolve(entry.getName()).normalize();
                if (!entry.isDirectory()) {
                    java.nio.file.Files.createDirectories(target.getParent());
                    java.nio.file.Files.copy(in, target);
                }
            }
        }
    }

    private static ObjectNode record(String kind, String field, String value) {
        List<ObjectNode> found = new ArrayList<>();
        for (ScenarioRecord r : records) {
            if (r.kind().equals(kind) && r.record().path(field).asString("").equals(value)) {
                found.add(r.record().deepCopy());
            }
        }
        assertEquals(1, found.size(), kind + " " + field + " " + value);
        return found.getFirst();
    }

    private static byte[] json(ObjectNode record) {
        return Http.JSON.writeValueAsBytes(record);
    }
}
