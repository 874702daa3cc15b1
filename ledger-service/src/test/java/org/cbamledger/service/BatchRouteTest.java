package org.cbamledger.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TestLog;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.Kinds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /logs/{logId}/entries/batch} hands each element of the body on as the tree it parsed (parsed,
 * canonicalised and checked once): the entry stored is still the envelope's canonical form, and each element gets
 * every check a single submission gets, the size limit before anything in it is decoded.
 */
class BatchRouteTest {
    private static final Instant DAY = Instant.parse("2026-11-03T00:00:00Z");
    private static RunningService service;
    private static TestLog log;
    private static SigningKey gateway;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start();
        log = TestLog.create(service, "batch-route");
        gateway = log.registerKey("device", List.of(Kinds.METER_READING_BATCH));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static HttpResponse<byte[]> postBatch(String... elements) {
        return service.http().post("logs/batch-route/entries/batch", log.submitToken,
                ("[" + String.join(",", elements) + "]").getBytes(StandardCharsets.UTF_8));
    }

    private static String envelope(String deviceId, long sequence) throws Exception {
        return new String(TestLog.sign(Kinds.METER_READING_BATCH, TestLog.meterBatch("meter-1", deviceId, sequence, DAY, 2),
                gateway), StandardCharsets.UTF_8);
    }

    private static void assertRefused(HttpResponse<byte[]> response, int status, String slug, long sizeBefore) {
        assertEquals(status, response.statusCode(), Http.text(response));
        assertEquals("https://cbam-ledger.org/problems/" + slug, Http.json(response).get("type").asString());
        assertEquals(sizeBefore, log.sequencedSize(), "a refused batch appended something");
    }

    @Test
    void elementLaidOutOtherwise_isStoredCanonicalWithTheLeafHashOfItsCanonicalBytes() throws Exception {
        byte[] canonical = TestLog.sign(Kinds.METER_READING_BATCH, TestLog.meterBatch("meter-1", "gw-layout", 0, DAY, 2),
                gateway);
        Envelope parsed = Envelope.parse(canonical);
        String sig = Base64.getEncoder().encodeToString(parsed.signatures().getFirst().sig());
        String laidOut = "{ \"signatures\" : [ { \"sig\" : \"" + sig + "\" , \"keyid\" : \"" + gateway.keyId() + "\" } ] ,\n"
                + " \"payloadType\" : \"" + parsed.payloadType() + "\" ,\n \"payload\" : \""
                + Base64.getEncoder().encodeToString(parsed.payload()) + "\" }";

        HttpResponse<byte[]> response = postBatch(laidOut, envelope("gw-layout", 1));

        assertEquals(201, response.statusCode(), Http.text(response));
        JsonNode receipt = Http.json(response).get(0);
        assertEquals(HexFormat.of().formatHex(Merkle.leafHash(canonical)), receipt.get("leafHash").asString());
        JsonNode stored = Http.json(log.read("entries/" + receipt.get("index").asLong()));
        assertEquals(Http.JSON.readTree(canonical), stored.get("envelope"));
        HttpResponse<byte[]> replay = log.submit(canonical);
        assertEquals(200, replay.statusCode(), "the canonical form is the same entry: " + Http.text(replay));
        assertEquals(receipt.get("index").asLong(), Http.json(replay).get("index").asLong());
    }

    @Test
    void oversizedElement_isEntryTooLargeAndAppendsNothing() throws Exception {
        long before = log.sequencedSize();
        String payload = Base64.getEncoder().encodeToString(
                org.cbamledger.signer.CanonicalJson.canonicalize(TestLog.meterBatch("meter-1", "gw-big", 0, DAY, 400)));
        String big = "{\"payload\":\"" + payload + "\",\"payloadType\":\"application/vnd.cbamledger.meter-reading-batch.v1+json\","
                + "\"signatures\":[{\"keyid\":\"" + gateway.keyId() + "\",\"sig\":\"" + "A".repeat(86) + "==\"}]}";
        assertTrue(payload.length() > 65_536, "test payload is only " + payload.length() + " bytes of base64");

        assertRefused(postBatch(envelope("gw-big", 0), big), 413, "entry-too-large", before);
    }

    /** C2SP entry bundles prefix each entry with a uint16 length: 65,535 bytes is the most the ledger takes. */
    @Test
    void entryOfExactly65536Bytes_isEntryTooLarge_and65535BytesIsNot() throws Exception {
        long before = log.sequencedSize();
        assertEquals(413, log.submit(envelopeOfBytes(65_536)).statusCode());
        HttpResponse<byte[]> justUnder = log.submit(envelopeOfBytes(65_535));
        assertTrue(justUnder.statusCode() != 413 && justUnder.statusCode() >= 400, Http.text(justUnder));
        assertEquals(before, log.sequencedSize());
    }

    private static byte[] envelopeOfBytes(int bytes) {
        String prefix = "{\"payload\":\"";
        String suffix = "\",\"payloadType\":\"application/vnd.cbamledger.meter-reading-batch.v1+json\","
                + "\"signatures\":[{\"keyid\":\"" + gateway.keyId() + "\",\"sig\":\"" + "A".repeat(86) + "==\"}]}";
        byte[] envelope = (prefix + "A".repeat(bytes - prefix.length() - suffix.length()) + suffix)
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(bytes, envelope.length);
        return envelope;
    }

    @Test
    void elementThatIsNotAnObject_isMalformedAndAppendsNothing() throws Exception {
        long before = log.sequencedSize();
        assertRefused(postBatch(envelope("gw-not-object", 0), "42"), 400, "malformed-envelope", before);
    }

    @Test
    void elementWithANonCanonicalPayload_isMalformedAndAppendsNothing() throws Exception {
        long before = log.sequencedSize();
        String spaced = "{\"kind\": \"meter-reading-batch\"}";
        String element = "{\"payload\":\"" + Base64.getEncoder().encodeToString(spaced.getBytes(StandardCharsets.UTF_8))
                + "\",\"payloadType\":\"application/vnd.cbamledger.meter-reading-batch.v1+json\","
                + "\"signatures\":[{\"keyid\":\"" + gateway.keyId() + "\",\"sig\":\"" + "A".repeat(86) + "==\"}]}";

        HttpResponse<byte[]> response = postBatch(envelope("gw-spaced", 0), element);

        assertRefused(response, 400, "malformed-envelope", before);
        assertTrue(Http.json(response).get("detail").asString().contains("not canonical"), Http.text(response));
    }

    @Test
    void elementWithADuplicateMember_isMalformedAndAppendsNothing() throws Exception {
        long before = log.sequencedSize();
        String good = envelope("gw-duplicate", 0);
        String duplicated = good.replaceFirst("\\{", "{\"payloadType\":\"application/vnd.cbamledger.party.v1+json\",");

        assertRefused(postBatch(duplicated), 400, "malformed-envelope", before);
    }

    /** A body of canonical envelopes is read without a tree: its answers are those of the same body laid out otherwise. */
    @Test
    void canonicalBody_isAnsweredAsTheSameBodyLaidOut() throws Exception {
        String first = envelope("gw-canonical", 0);
        String second = envelope("gw-canonical", 1);
        String signed = envelope("gw-canonical", 2);
        int sigAt = signed.indexOf("\"sig\":\"") + "\"sig\":\"".length();
        String forged = signed.substring(0, sigAt) + (signed.charAt(sigAt) == 'A' ? 'B' : 'A') + signed.substring(sigAt + 1);
        long before = log.sequencedSize();

        HttpResponse<byte[]> refused = postBatch(first, forged);
        HttpResponse<byte[]> refusedLaidOut = service.http().post("logs/batch-route/entries/batch", log.submitToken,
                ("[ " + first + " ,\n" + forged + " ]").getBytes(StandardCharsets.UTF_8));
        assertRefused(refused, 422, "bad-signature", before);
        assertEquals(Http.json(refusedLaidOut).get("type"), Http.json(refused).get("type"));
        assertEquals(Http.json(refusedLaidOut).get("detail"), Http.json(refused).get("detail"));

        HttpResponse<byte[]> accepted = postBatch(first, second);
        assertEquals(201, accepted.statusCode(), Http.text(accepted));
        assertEquals(before + 2, log.sequencedSize());
        HttpResponse<byte[]> replayLaidOut = service.http().post("logs/batch-route/entries/batch", log.submitToken,
                ("[" + first + ", " + second + "]").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, replayLaidOut.statusCode(), Http.text(replayLaidOut));
        assertEquals(Http.json(accepted).findValues("index"), Http.json(replayLaidOut).findValues("index"));
        assertEquals(Http.json(accepted).findValues("leafHash"), Http.json(replayLaidOut).findValues("leafHash"));
    }
}
