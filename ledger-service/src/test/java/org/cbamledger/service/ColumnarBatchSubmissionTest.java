package org.cbamledger.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.cbamledger.service.log.LedgerRecords;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TestLog;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.Kinds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Columnar meter-reading batches (version 2) through the write path, and keys refused as soon as they are revoked. */
class ColumnarBatchSubmissionTest {
    private static RunningService service;
    private static TestLog log;
    private static SigningKey gateway;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start();
        log = TestLog.create(service, "columnar");
        gateway = log.registerKey("device", List.of(Kinds.METER_READING_BATCH));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static ObjectNode columnar(String deviceId, long sequence, int readings) {
        ObjectNode batch = Http.JSON.createObjectNode().put("kind", Kinds.METER_READING_BATCH).put("version", 2)
                .put("meterId", "press-1").put("deviceId", deviceId).put("sequence", sequence)
                .put("start", "2026-11-01T00:00:00Z").put("intervalSeconds", 900).put("scale", "0.01");
        var energy = batch.putArray("energyKwh");
        var raw = batch.putArray("rawRegisterValues");
        var quality = batch.putArray("quality");
        for (int i = 0; i < readings; i++) {
            energy.add(i + ".25");
            raw.add(String.format("%08x", 1000 + i * 25));
            quality.add("GOOD");
        }
        return batch;
    }

    private static HttpResponse<byte[]> submit(ObjectNode record, SigningKey key) throws Exception {
        return log.submit(TestLog.sign(Kinds.METER_READING_BATCH, LedgerRecords.json(record), key));
    }

    @Test
    void columnarBatch_isAcceptedAndCountsInTheDeviceSequence() throws Exception {
        for (long sequence = 0; sequence < 3; sequence++) {
            HttpResponse<byte[]> response = submit(columnar("gw-col", sequence, 96), gateway);
            assertEquals(201, response.statusCode(), Http.text(response));
        }
        assertEquals(3, Http.json(log.read("devices/gw-col/sequence-gaps")).get("batches").asLong());
    }

    @Test
    void malformedColumnarBatch_isRefusedWithThePreciseMessage() throws Exception {
        ObjectNode batch = columnar("gw-bad-col", 0, 4);
        batch.withArray("quality").set(2, "COMM_FAILURE");
        long before = log.sequencedSize();
        HttpResponse<byte[]> response = submit(batch, gateway);
        assertEquals(422, response.statusCode(), Http.text(response));
        JsonNode problem = Http.json(response);
        assertEquals("https://cbam-ledger.org/problems/schema-violation", problem.get("type").asString());
        assertEquals("reading 2 is COMM_FAILURE but carries a value: a flagged reading has null energyKwh and rawRegisterValues",
                problem.get("detail").asString());
        assertEquals(before, log.sequencedSize());
    }

    @Test
    void key_isRefusedRightAfterItsRevocation_evenOnceUsed() throws Exception {
        SigningKey doomed = log.registerKey("device", List.of(Kinds.METER_READING_BATCH));
        assertEquals(201, submit(columnar("gw-doomed-col", 0, 2), doomed).statusCode());
        byte[] revocation = LedgerRecords.json(LedgerRecords.keyRevocation(doomed.keyId(),
                Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS), "gateway stolen"));
        assertEquals(201, log.submit(TestLog.sign(Kinds.KEY_REVOCATION, revocation, log.rootKey)).statusCode());
        HttpResponse<byte[]> after = submit(columnar("gw-doomed-col", 1, 2), doomed);
        assertEquals(422, after.statusCode(), Http.text(after));
        assertEquals("https://cbam-ledger.org/problems/revoked-key", Http.json(after).get("type").asString());
        // refused by the submission check itself, which reads the key again after the revocation (not by the sequencer)
        assertTrue(Http.json(after).get("detail").asString().startsWith("key " + doomed.keyId() + " was revoked at "),
                Http.text(after));
    }
}
