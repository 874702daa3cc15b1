package org.cbamledger.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.support.BundledIndexes;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TestLog;
import org.cbamledger.service.support.VerifierRun;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.DsseSignature;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.signer.Sha256;
import org.cbamledger.signer.SignedNote;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.signer.map.MapHashes;
import org.cbamledger.spec.Kinds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /logs/{logId}/log-keys} (api-spec/POLICY.md, rotation): the log hands its note key over through a
 * log-key-rotation entry signed by both keys; checkpoints from fromSize carry both signatures during the overlap,
 * and a verifier that pinned only the old key still verifies the log's bundle.
 */
class LogKeyRotationEndpointTest {
    private static final Instant DAY = Instant.parse("2026-03-01T00:00:00Z");
    private static RunningService service;
    private static final byte[] ROOM = ("{\"installationId\":\"TR-EXTRUDER-01\",\"periodFrom\":\"2026-01-01\","
            + "\"periodTo\":\"2026-03-31\",\"cnCodes\":[\"76041090\"]}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] GRANT = "{\"role\":\"verifier\",\"scopes\":[\"view\"]}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static HttpResponse<byte[]> rotate(String logId, String token) {
        return service.http().post("logs/" + logId + "/log-keys", token, new byte[0]);
    }

    private static void appendBatch(TestLog log, SigningKey gateway, long sequence) throws Exception {
        byte[] batch = TestLog.sign(Kinds.METER_READING_BATCH,
                TestLog.meterBatch("meter-1", "gw-rotating", sequence, DAY, 4), gateway);
        HttpResponse<byte[]> response = log.submitAndWait(batch);
        assertEquals(201, response.statusCode(), Http.text(response));
    }

    private static SignedNote checkpointOfAtLeast(TestLog log, long size) throws Exception {
        for (int attempt = 0; attempt < 200; attempt++) {
            HttpResponse<byte[]> response = log.read("checkpoint");
            if (response.statusCode() == 200) {
                SignedNote note = SignedNote.parse(Http.text(response));
                if (Checkpoint.parse(note.text()).size() >= size) {
                    return note;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no checkpoint of size >= " + size);
    }

    private static boolean signedBy(SignedNote note, String verifierKey) throws Exception {
        NoteVerifier key = NoteVerifier.parse(verifierKey);
        return note.signatures().stream().anyMatch(s -> key.verify(note.text(), s));
    }

    @Test
    void rotation_checkpointsCarryBothKeys_andTheBundleVerifiesPinningOnlyTheOldKey() throws Exception {
        TestLog log = TestLog.create(service, "rotating");
        SigningKey gateway = log.registerKey("device", List.of(Kinds.METER_READING_BATCH));
        appendBatch(log, gateway, 1);

        HttpResponse<byte[]> rotated = rotate(log.logId, service.token(Scopes.logAdmin(log.logId)));

        assertEquals(201, rotated.statusCode(), Http.text(rotated));
        JsonNode body = Http.json(rotated);
        String newKey = body.get("newLogVerifierKey").asString();
        long fromSize = body.get("fromSize").asLong();
        assertNotEquals(log.logVerifierKey, newKey);
        assertEquals(fromSize, log.sequencedSize(), "the new key signs from the size right after the rotation entry");
        SignedNote beforeMore = checkpointOfAtLeast(log, fromSize);
        assertTrue(signedBy(beforeMore, log.logVerifierKey) && signedBy(beforeMore, newKey), beforeMore.format());
        appendBatch(log, gateway, 2);
        SignedNote after = checkpointOfAtLeast(log, fromSize + 1);
        assertEquals(2, after.signatures().size(), after.format());
        assertTrue(signedBy(after, log.logVerifierKey) && signedBy(after, newKey), after.format());

        String admin = service.token(Scopes.logAdmin(log.logId));
        HttpResponse<byte[]> room = service.http().post("logs/" + log.logId + "/rooms", admin, ROOM);
        assertEquals(201, room.statusCode(), Http.text(room));
        HttpResponse<byte[]> grant = service.http().put("rooms/" + Http.json(room).get("roomId").asString()
                + "/grants/rotation-verifier", admin, GRANT);
        assertEquals(200, grant.statusCode(), Http.text(grant));
        checkpointOfAtLeast(log, log.sequencedSize());

        Path zip = assertBundleVerifiesPinningOnly(log, log.logVerifierKey, fromSize);
        Envelope granted = Envelope.parse(BundledIndexes.entries(zip).get(log.sequencedSize() - 1));
        assertEquals(Kinds.ROOM_GRANT, granted.kind());
        assertEquals(List.of(Sha256.hex(newKey.getBytes(StandardCharsets.UTF_8))),
                granted.signatures().stream().map(DsseSignature::keyId).toList(),
                "log-authored entries after the rotation are signed by the new key alone");
    }

    @Test
    void afterTheOverlap_theNewKeySignsAlone_andTheOldPinStillVerifiesTheBundle() throws Exception {
        try (RunningService shortOverlap = RunningService.start(Map.of("cbam.ledger.log-key-overlap", "1ms"))) {
            TestLog log = TestLog.create(shortOverlap, "overlap-ended");
            SigningKey gateway = log.registerKey("device", List.of(Kinds.METER_READING_BATCH));
            HttpResponse<byte[]> rotated = shortOverlap.http().post("logs/" + log.logId + "/log-keys",
                    shortOverlap.token(Scopes.logAdmin(log.logId)), new byte[0]);
            assertEquals(201, rotated.statusCode(), Http.text(rotated));
            String newKey = Http.json(rotated).get("newLogVerifierKey").asString();
            long fromSize = Http.json(rotated).get("fromSize").asLong();
            Thread.sleep(5);
            appendBatch(log, gateway, 1);

            SignedNote after = checkpointOfAtLeast(log, fromSize + 1);

            assertEquals(1, after.signatures().size(), after.format());
            assertTrue(signedBy(after, newKey) && !signedBy(after, log.logVerifierKey), after.format());
            assertBundleVerifiesPinningOnly(log, log.logVerifierKey, fromSize);
        }
    }

    private Path assertBundleVerifiesPinningOnly(TestLog log, String oldKey, long fromSize) throws Exception {
        Path zip = tmp.resolve(log.logId + ".zip");
        HttpResponse<byte[]> bundle = log.read("bundle");
        assertEquals(200, bundle.statusCode(), Http.text(bundle));
        Files.write(zip, bundle.body());
        Envelope rotation = Envelope.parse(BundledIndexes.entries(zip).get(fromSize - 1));
        assertEquals(Kinds.LOG_KEY_ROTATION, rotation.kind());
        assertEquals(2, rotation.signatures().size());
        VerifierRun run = VerifierRun.verify(zip.toString(), "--log-key", oldKey, "--root-key", log.rootKey.keyId());
        assertEquals(0, run.exitCode(), run.report());
        assertTrue(run.report().contains("PASSED"), run.report());
        return zip;
    }

    @Test
    void describe_afterTwoRotations_showsTheCurrentKeyAndEveryKeyWithItsFromSize() throws Exception {
        TestLog log = TestLog.create(service, "described-rotations");
        String admin = service.token(Scopes.logAdmin(log.logId));
        JsonNode before = described(log);
        assertEquals(log.logVerifierKey, before.get("logVerifierKey").asString());
        assertEquals(List.of(log.logVerifierKey + "@0"), keyWindows(before));

        JsonNode first = Http.json(rotate(log.logId, admin));
        JsonNode second = Http.json(rotate(log.logId, admin));
        JsonNode described = described(log);

        String current = second.get("newLogVerifierKey").asString();
        assertEquals(current, described.get("logVerifierKey").asString(), described.toString());
        assertEquals(List.of(log.logVerifierKey + "@0",
                first.get("newLogVerifierKey").asString() + "@" + first.get("fromSize").asLong(),
                current + "@" + second.get("fromSize").asLong()), keyWindows(described));
    }

    private static JsonNode described(TestLog log) {
        HttpResponse<byte[]> response = service.http().get("logs/" + log.logId, log.readToken);
        assertEquals(200, response.statusCode(), Http.text(response));
        return Http.json(response);
    }

    private static List<String> keyWindows(JsonNode log) {
        List<String> windows = new ArrayList<>();
        for (JsonNode key : log.get("logKeys").values()) {
            windows.add(key.get("vkey").asString() + "@" + key.get("fromSize").asLong());
        }
        return windows;
    }

    @Test
    void rotation_byATokenWithoutLogAdmin_is403AndWritesNothing() throws Exception {
        TestLog log = TestLog.create(service, "not-rotated");
        long size = log.sequencedSize();

        HttpResponse<byte[]> refused = rotate(log.logId, log.submitToken);

        assertEquals(403, refused.statusCode(), Http.text(refused));
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        assertEquals(size, log.sequencedSize());
    }
}
