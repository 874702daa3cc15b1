package org.cbamledger.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.cbamledger.service.log.LedgerRecords;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TestLog;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.Kinds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every bad input gets a problem+json 4xx with a stable type and appends nothing. The envelope failures with a
 * shared vector (bad signature, unknown key, unexpected member, oversized, ...) are EnvelopeVectorsTest's.
 */
class BadSubmissionTest {
    private static final Instant DAY = Instant.parse("2026-11-01T00:00:00Z");
    private static RunningService service;
    private static TestLog log;
    private static SigningKey gateway;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start();
        log = TestLog.create(service, "bad-input");
        gateway = log.registerKey("device", List.of("meter-reading-batch"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static void assertRejected(byte[] envelope, int status, String slug) {
        long before = log.sequencedSize();
        HttpResponse<byte[]> response = log.submit(envelope);
        assertEquals(status, response.statusCode(), Http.text(response));
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode problem = Http.json(response);
        assertEquals("https://cbam-ledger.org/problems/" + slug, problem.get("type").asString());
        assertEquals(status, problem.get("status").asInt());
        assertTrue(problem.get("detail").asString().length() > 0);
        assertEquals(before, log.sequencedSize(), "a rejected submission appended something");
    }

    private static byte[] batch(long sequence) {
        return TestLog.meterBatch("meter-1", "gw-bad", sequence, DAY, 2);
    }

    @Test
    void malformedJson_isRejected() {
        assertRejected("{\"payloadType\":".getBytes(StandardCharsets.UTF_8), 400, "malformed-envelope");
    }

    @Test
    void revokedKey_isRejected() throws Exception {
        SigningKey doomed = log.registerKey("device", List.of("meter-reading-batch"));
        byte[] revocation = LedgerRecords.json(LedgerRecords.keyRevocation(doomed.keyId(),
                Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS), "gateway replaced"));
        assertEquals(201, log.submit(TestLog.sign("key-revocation", revocation, log.rootKey)).statusCode());
        assertRejected(TestLog.sign("meter-reading-batch", TestLog.meterBatch("meter-9", "gw-doomed", 0, DAY, 2), doomed),
                422, "revoked-key");
    }

    @Test
    void kindNotAllowed_isRejected() throws Exception {
        byte[] registration = LedgerRecords.json(LedgerRecords.keyRegistration(
                SigningKey.generate(KeyAlgorithm.ED25519).publicKey(), "bad-input", "device", List.of("meter"),
                DAY, null));
        assertRejected(TestLog.sign("key-registration", registration, gateway), 422, "kind-not-allowed");
    }

    @Test
    void correction_byAKeyNotAllowedTheReplacementKind_isRejected() throws Exception {
        SigningKey corrector = log.registerKey("submitter", List.of(Kinds.CORRECTION, Kinds.METER));
        String superseded = Http.json(log.submit(TestLog.sign(Kinds.METER_READING_BATCH, batch(40), gateway)))
                .get("leafHash").asString();
        assertRejected(TestLog.sign(Kinds.CORRECTION, correction(superseded, batch(41)), corrector), 422,
                "kind-not-allowed");
    }

    @Test
    void correction_byAKeyAllowedBothKinds_isAccepted() throws Exception {
        SigningKey corrector = log.registerKey("submitter", List.of(Kinds.CORRECTION, Kinds.METER_READING_BATCH));
        String superseded = Http.json(log.submit(TestLog.sign(Kinds.METER_READING_BATCH, batch(42), gateway)))
                .get("leafHash").asString();
        HttpResponse<byte[]> accepted = log.submit(TestLog.sign(Kinds.CORRECTION, correction(superseded, batch(43)),
                corrector));
        assertEquals(201, accepted.statusCode(), Http.text(accepted));
    }

    private static byte[] correction(String supersedesLeafHash, byte[] replacement) {
        ObjectNode correction = Http.JSON.createObjectNode();
        correction.put("kind", Kinds.CORRECTION);
        correction.put("supersedesLeafHash", supersedesLeafHash);
        correction.put("reason", "register scale was wrong");
        correction.set("replacement", Http.JSON.readTree(replacement));
        return LedgerRecords.json(correction);
    }

    @Test
    void schemaViolation_isRejected() throws Exception {
        ObjectNode record = (ObjectNode) Http.JSON.readTree(batch(0));
        record.put("sequence", -1);
        assertRejected(TestLog.sign("meter-reading-batch", LedgerRecords.json(record), gateway), 422, "schema-violation");
    }

    @Test
    void unknownKind_isRejected() throws Exception {
        byte[] record = "{\"kind\":\"no-such-kind\",\"x\":1}".getBytes(StandardCharsets.UTF_8);
        assertRejected(TestLog.sign("no-such-kind", record, log.rootKey), 422, "schema-violation");
    }

    @Test
    void sameDeviceSequenceWithOtherContent_isRejectedNamingTheFirstLeaf() throws Exception {
        HttpResponse<byte[]> first = log.submit(TestLog.sign("meter-reading-batch",
                TestLog.meterBatch("meter-1", "gw-dup", 0, DAY, 2), gateway));
        assertEquals(201, first.statusCode(), Http.text(first));
        long firstIndex = Http.json(first).get("index").asLong();
        byte[] other = TestLog.sign("meter-reading-batch", TestLog.meterBatch("meter-1", "gw-dup", 0, DAY, 3), gateway);
        long before = log.sequencedSize();
        HttpResponse<byte[]> second = log.submit(other);
        assertEquals(409, second.statusCode(), Http.text(second));
        assertEquals("https://cbam-ledger.org/problems/device-sequence-conflict", Http.json(second).get("type").asString());
        assertTrue(Http.json(second).get("detail").asString().contains("leaf " + firstIndex), Http.text(second));
        assertEquals(before, log.sequencedSize());
    }

    @Test
    void batchWithOneBadEnvelope_appendsNothing() throws Exception {
        String good = new String(TestLog.sign("meter-reading-batch",
                TestLog.meterBatch("meter-1", "gw-all-or-nothing", 0, DAY, 2), gateway), StandardCharsets.UTF_8);
        String bad = new String(TestLog.sign("meter-reading-batch",
                TestLog.meterBatch("meter-1", "gw-all-or-nothing", 1, DAY, 2), SigningKey.generate(KeyAlgorithm.ED25519)),
                StandardCharsets.UTF_8);
        long before = log.sequencedSize();
        HttpResponse<byte[]> response = service.http().post("logs/bad-input/entries/batch", log.submitToken,
                ("[" + good + "," + bad + "]").getBytes(StandardCharsets.UTF_8));
        assertEquals(422, response.statusCode(), Http.text(response));
        assertEquals(before, log.sequencedSize());
    }

    @Test
    void sequenceGaps_areRecordedAndReadable() throws Exception {
        for (long sequence : new long[] {0, 1, 4, 5, 8}) {
            HttpResponse<byte[]> r = log.submit(TestLog.sign("meter-reading-batch",
                    TestLog.meterBatch("meter-1", "gw-gaps", sequence, DAY, 1), gateway));
            assertEquals(201, r.statusCode(), Http.text(r));
        }
        JsonNode gaps = Http.json(log.read("devices/gw-gaps/sequence-gaps"));
        assertEquals(5, gaps.get("batches").asLong());
        assertEquals(2, gaps.get("gaps").size());
        assertEquals(2, gaps.get("gaps").get(0).get("fromSequence").asLong());
        assertEquals(3, gaps.get("gaps").get(0).get("toSequence").asLong());
        assertEquals(6, gaps.get("gaps").get(1).get("fromSequence").asLong());
        assertEquals(7, gaps.get("gaps").get(1).get("toSequence").asLong());
    }

    @Test
    void badQueryParameter_isProblemJson() {
        HttpResponse<byte[]> response = log.read("proofs/inclusion?index=abc&treeSize=2");
        assertEquals(400, response.statusCode());
        assertEquals("https://cbam-ledger.org/problems/invalid-parameter", Http.json(response).get("type").asString());
        assertEquals(404, log.read("entries/999999").statusCode());
    }

    @Test
    void unknownRouteAndWrongMethod_areProblemJson() {
        HttpResponse<byte[]> missing = log.read("no-such-thing");
        assertEquals(404, missing.statusCode());
        assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElse(""));
        assertEquals("https://cbam-ledger.org/problems/not-found", Http.json(missing).get("type").asString());
        HttpResponse<byte[]> wrongMethod = service.http().send("DELETE", "logs/bad-input/entries/0", log.readToken);
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("https://cbam-ledger.org/problems/method-not-allowed", Http.json(wrongMethod).get("type").asString());
    }
}
