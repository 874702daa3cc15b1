package org.cbamledger.service;

import org.cbamledger.service.support.BundledIndexes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.cbamledger.service.bundle.BundleExporter;
import org.cbamledger.verifier.bundle.DirectorySink;
import org.cbamledger.service.bundle.BundledStatement;
import org.cbamledger.service.bundle.DirectoryZip;
import org.cbamledger.service.store.CheckpointStore;
import org.cbamledger.service.log.Ledger;
import org.cbamledger.service.store.LogInfo;
import org.cbamledger.service.store.StoredCheckpoint;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TestLog;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.CheckpointVerifier;
import org.cbamledger.signer.ConsistencyProofVerifier;
import org.cbamledger.signer.InclusionProofVerifier;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.signer.TilePath;
import org.cbamledger.verifier.VerificationReport;
import org.cbamledger.verifier.Verifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EntryRoundTripTest {
    private static RunningService service;
    private static TestLog log;
    private static SigningKey gateway;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start();
        log = TestLog.create(service, "round-trip");
        gateway = log.registerKey("device", List.of("meter-reading-batch"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static Checkpoint verified(String signedNote) throws Exception {
        return CheckpointVerifier.verify(signedNote, List.of(NoteVerifier.parse(log.logVerifierKey)), "cbam-ledger/round-trip");
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.values().forEach(h -> hashes.add(Base64.getDecoder().decode(h.asString())));
        return hashes;
    }

    @Test
    void submitWithWait_returnsReceiptWhoseProofVerifiesAgainstTheSignedCheckpoint() throws Exception {
        byte[] envelope = TestLog.sign("meter-reading-batch",
                TestLog.meterBatch("meter-1", "gw-1", 0, Instant.parse("2026-11-01T00:00:00Z"), 4), gateway);
        HttpResponse<byte[]> response = log.submitAndWait(envelope);
        assertEquals(201, response.statusCode(), Http.text(response));
        JsonNode receipt = Http.json(response);
        long index = receipt.get("index").asLong();
        byte[] leafHash = HexFormat.of().parseHex(receipt.get("leafHash").asString());
        assertArrayEquals(Merkle.leafHash(envelope), leafHash);

        Checkpoint checkpoint = verified(receipt.get("checkpoint").asString());
        JsonNode proof = receipt.get("inclusionProof");
        assertEquals(checkpoint.size(), proof.get("treeSize").asLong());
        InclusionProofVerifier.verify(index, checkpoint.size(), leafHash, hashes(proof.get("hashes")), checkpoint.rootHash());

        JsonNode byIndex = Http.json(log.read("entries/" + index));
        assertEquals(receipt.get("leafHash").asString(), byIndex.get("leafHash").asString());
        assertEquals("meter-reading-batch", byIndex.get("kind").asString());
        JsonNode byHash = Http.json(log.read("entries/by-hash/" + receipt.get("leafHash").asString()));
        assertEquals(index, byHash.get("index").asLong());
        assertArrayEquals(envelope, Http.JSON.writeValueAsBytes(byHash.get("envelope")));
    }

    @Test
    void replayOfIdenticalEnvelope_returns200WithTheSameReceipt() throws Exception {
        byte[] envelope = TestLog.sign("meter-reading-batch",
                TestLog.meterBatch("meter-1", "gw-replay", 0, Instant.parse("2026-11-01T00:00:00Z"), 2), gateway);
        HttpResponse<byte[]> first = log.submit(envelope);
        assertEquals(201, first.statusCode(), Http.text(first));
        long size = log.sequencedSize();
        HttpResponse<byte[]> again = log.submit(envelope);
        assertEquals(200, again.statusCode(), Http.text(again));
        assertEquals(Http.json(first), Http.json(again));
        assertEquals(size, log.sequencedSize());
    }

    @Test
    void batchEndpoint_sequencesAllEnvelopesConsecutively() throws Exception {
        StringBuilder array = new StringBuilder("[");
        for (int i = 0; i < 5; i++) {
            byte[] envelope = TestLog.sign("meter-reading-batch",
                    TestLog.meterBatch("meter-2", "gw-batch", i, Instant.parse("2026-11-02T00:00:00Z"), 2), gateway);
            array.append(i == 0 ? "" : ",").append(new String(envelope, StandardCharsets.UTF_8));
        }
        HttpResponse<byte[]> response = log.service.http().post("logs/round-trip/entries/batch", log.submitToken,
                array.append("]").toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(201, response.statusCode(), Http.text(response));
        JsonNode receipts = Http.json(response);
        assertEquals(5, receipts.size());
        for (int i = 1; i < 5; i++) {
            assertEquals(receipts.get(0).get("index").asLong() + i, receipts.get(i).get("index").asLong());
        }
    }

    @Test
    void consistencyProof_betweenTwoCheckpoints_verifies() throws Exception {
        Checkpoint older = verified(Http.text(service.http().get("logs/round-trip/checkpoint", null)));
        byte[] envelope = TestLog.sign("meter-reading-batch",
                TestLog.meterBatch("meter-3", "gw-consistency", 0, Instant.parse("2026-11-03T00:00:00Z"), 3), gateway);
        Checkpoint newer = verified(Http.json(log.submitAndWait(envelope)).get("checkpoint").asString());
        assertTrue(newer.size() > older.size());
        JsonNode proof = Http.json(log.read("proofs/consistency?from=" + older.size() + "&to=" + newer.size()));
        ConsistencyProofVerifier.verify(older.size(), newer.size(), older.rootHash(), newer.rootHash(),
                hashes(proof.get("hashes")));
        JsonNode inclusion = Http.json(log.read("proofs/inclusion?index=0&treeSize=" + newer.size()));
        InclusionProofVerifier.verify(0, newer.size(), HexFormat.of().parseHex(inclusion.get("leafHash").asString()),
                hashes(inclusion.get("hashes")), newer.rootHash());
    }

    @Test
    void tiles_holdTheLeafHashesAndEntriesOfThePublishedTree() throws Exception {
        Checkpoint checkpoint = verified(Http.text(service.http().get("logs/round-trip/checkpoint", null)));
        int width = (int) Math.min(checkpoint.size(), 255);
        HttpResponse<byte[]> tile = service.http().get("logs/round-trip/" + TilePath.tile(0, 0, width).path(), null);
        assertEquals(200, tile.statusCode(), Http.text(tile));
        assertEquals(32 * width, tile.body().length);
        HttpResponse<byte[]> bundle = service.http().get("logs/round-trip/" + TilePath.entries(0, width).path(), null);
        assertEquals(200, bundle.statusCode());
        byte[] data = bundle.body();
        int offset = 0;
        for (int i = 0; i < width; i++) {
            int length = ((data[offset] & 0xff) << 8) | (data[offset + 1] & 0xff);
            byte[] entry = java.util.Arrays.copyOfRange(data, offset + 2, offset + 2 + length);
            assertArrayEquals(java.util.Arrays.copyOfRange(tile.body(), 32 * i, 32 * i + 32), Merkle.leafHash(entry));
            offset += 2 + length;
        }
        assertEquals(data.length, offset);
        assertEquals(404, service.http().get("logs/round-trip/tile/0/001", null).statusCode());
    }

    @Test
    void bundle_zipHoldsManifestCheckpointEntriesAndProofs() throws Exception {
        HttpResponse<byte[]> response = log.read("bundle");
        assertEquals(200, response.statusCode(), Http.text(response));
        List<String> names = new ArrayList<>();
        String manifest = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
                if (e.getName().equals("bundle.json")) {
                    manifest = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertTrue(names.contains("log-key.vkey"), names.toString());
        assertTrue(names.contains("entries/0.pack") && names.contains("tile/0/000.p/" + BundledIndexes.of(response.body()).size()),
                names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("checkpoints/")), names.toString());
        JsonNode parsed = Http.JSON.readTree(manifest);
        assertEquals("round-trip", parsed.get("logId").asString());
        Path zip = Files.createTempFile("bundle-test", ".zip");
        Files.write(zip, response.body());
        VerificationReport report = new Verifier().verify(zip, List.of(NoteVerifier.parse(log.logVerifierKey)));
        Files.delete(zip);
        assertTrue(report.passed(), report.failures().toString());
    }

    @Test
    void bundleWithStatement_holdsItsCheckpointEntriesAndAConsistencyProofToTheLatest() throws Exception {
        Checkpoint restsOn = verified(Http.json(log.submitAndWait(TestLog.sign("meter-reading-batch",
                TestLog.meterBatch("meter-5", "gw-statement", 0, Instant.parse("2026-11-05T00:00:00Z"), 1), gateway)))
                .get("checkpoint").asString());
        Checkpoint latest = verified(Http.json(log.submitAndWait(TestLog.sign("meter-reading-batch",
                TestLog.meterBatch("meter-5", "gw-statement", 1, Instant.parse("2026-11-05T00:00:00Z"), 1), gateway)))
                .get("checkpoint").asString());
        LogInfo info = service.context().getBean(Ledger.class).log("round-trip");
        StoredCheckpoint stored = service.context().getBean(CheckpointStore.class).bySize("round-trip", latest.size())
                .orElseThrow();
        Path dir = Files.createTempDirectory("statement-bundle").resolve("bundle");
        try {
            service.context().getBean(BundleExporter.class).export(info, stored, 0L, 0L, new BundledStatement(
                    "statement.json", "{}".getBytes(StandardCharsets.UTF_8), "e30.e30.c2ln", null, restsOn.size())).writeTo(new DirectorySink(dir));
            assertTrue(Files.exists(dir.resolve("statement.json")) && Files.exists(dir.resolve("statement.jws")));
            assertTrue(Files.exists(dir.resolve("checkpoints/" + restsOn.size() + ".note")));
            List<Long> bundled = BundledIndexes.of(dir);
            for (long i = 0; i < restsOn.size(); i++) {
                assertTrue(bundled.contains(i), "entry " + i);
            }
            List<byte[]> proof = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("consistency/" + restsOn.size() + "-" + latest.size() + ".proof"))) {
                proof.add(Base64.getDecoder().decode(line));
            }
            ConsistencyProofVerifier.verify(restsOn.size(), latest.size(), restsOn.rootHash(), latest.rootHash(), proof);
        } finally {
            DirectoryZip.deleteTree(dir.getParent());
        }
    }

    @Test
    void bundleWithUnknownStatement_isAProblem() {
        // 400 while no statement store is wired, 404 once one is and has no such statement
        HttpResponse<byte[]> response = log.read("bundle?statement=no-such-statement");
        assertTrue(response.statusCode() == 400 || response.statusCode() == 404, Http.text(response));
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void bundleRange_holdsTheRangeAndTheKeyEntries() throws Exception {
        byte[] envelope = TestLog.sign("meter-reading-batch",
                TestLog.meterBatch("meter-4", "gw-range", 0, Instant.parse("2026-11-04T00:00:00Z"), 1), gateway);
        long index = Http.json(log.submitAndWait(envelope)).get("index").asLong();
        HttpResponse<byte[]> response = log.read("bundle?fromIndex=" + index + "&toIndex=" + (index + 1));
        assertEquals(200, response.statusCode(), Http.text(response));
        assertEquals(List.of(0L, 1L, 2L, index), BundledIndexes.of(response.body()));
        assertEquals(400, log.read("bundle?fromIndex=" + (index + 1) + "&toIndex=" + index).statusCode());
    }
}
