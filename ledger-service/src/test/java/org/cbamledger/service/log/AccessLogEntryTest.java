package org.cbamledger.service.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TestLog;
import org.cbamledger.signer.CanonicalJson;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.verifier.VerificationReport;
import org.cbamledger.verifier.Verifier;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
import org.cbamledger.verifier.context.LogKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The access log: room-access entries that the service writes, signs with the log key and alone may write. */
class AccessLogEntryTest {
    private static final String LOG_ID = "access-log";
    private static RunningService service;
    private static TestLog log;
    private static Ledger ledger;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start();
        log = TestLog.create(service, LOG_ID);
        ledger = service.context().getBean(Ledger.class);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static ObjectNode roomAccess(String accessedAt, String outcome) {
        ObjectNode record = Http.JSON.createObjectNode().put("kind", "room-access").put("roomId", "room-2026q1")
                .put("accessedAt", accessedAt);
        record.putObject("principal").put("subject", "importer-client-7").put("partyId", "eu-importer-de")
                .put("role", "importer");
        record.putObject("request").put("method", "GET").put("path", "/rooms/room-2026q1/entries/4?view=full");
        record.putObject("resource").put("type", "entry").put("id", "4");
        record.put("outcome", outcome);
        if (outcome.equals("granted")) {
            record.put("status", 200).putNull("reason");
        } else {
            record.put("status", 403).put("reason", "entry 4 is outside the room's scope");
        }
        return record;
    }

    private static Receipt append(ObjectNode record) throws Exception {
        return ledger.appendByLog(LOG_ID, record).get(10, TimeUnit.SECONDS);
    }

    private static void assertRefused(HttpResponse<byte[]> response, String detail) {
        assertEquals(422, response.statusCode(), Http.text(response));
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode problem = Http.json(response);
        assertEquals("https://cbam-ledger.org/problems/kind-not-allowed", problem.get("type").asString());
        assertEquals(detail, problem.get("detail").asString());
    }

    @Test
    void appendByLog_storesTheRecordSignedByTheLogKeyUnderItsEntryKeyId() throws Exception {
        ObjectNode record = roomAccess("2026-04-02T09:15:30.125Z", "granted");
        Receipt receipt = append(record);

        assertTrue(receipt.created());
        HttpResponse<byte[]> read = log.read("entries/" + receipt.index());
        assertEquals(200, read.statusCode(), Http.text(read));
        JsonNode body = Http.json(read);
        assertEquals("room-access", body.get("kind").asString());
        assertEquals(HexFormat.of().formatHex(receipt.leafHash()), body.get("leafHash").asString());
        Envelope envelope = Envelope.parse(Http.JSON.writeValueAsBytes(body.get("envelope")));
        assertEquals("application/vnd.cbamledger.room-access.v1+json", envelope.payloadType());
        assertArrayEquals(CanonicalJson.canonicalize(record), envelope.payload());
        String vkeyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(log.logVerifierKey.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, envelope.signatures().size());
        assertEquals(vkeyHash, envelope.signatures().getFirst().keyId());
        NoteVerifier logKey = NoteVerifier.parse(log.logVerifierKey);
        assertTrue(LogKeys.publicKey(logKey).verify(envelope.pae(), envelope.signatures().getFirst().sig()));
    }

    @Test
    void appendByLog_ofTheSameRecordAgain_isAReplay() throws Exception {
        Receipt first = append(roomAccess("2026-04-02T10:00:00Z", "denied"));
        Receipt again = append(roomAccess("2026-04-02T10:00:00Z", "denied"));

        assertFalse(again.created());
        assertEquals(first.index(), again.index());
    }

    @Test
    void appendByLog_refusesAnInvalidRecordAndAnotherKind() {
        ObjectNode denied = roomAccess("2026-04-02T11:00:00Z", "denied").putNull("reason");
        LedgerException invalid = assertThrows(LedgerException.class, () -> ledger.appendByLog(LOG_ID, denied));
        assertEquals(Problem.SCHEMA_VIOLATION, invalid.problem());
        assertEquals("record does not match schema room-access: /reason: null found, string expected", invalid.getMessage());

        ObjectNode party = LedgerRecords.operatorParty("someone", "Someone", "RS");
        LedgerException otherKind = assertThrows(LedgerException.class, () -> ledger.appendByLog(LOG_ID, party));
        assertEquals(Problem.KIND_NOT_ALLOWED, otherKind.problem());
        assertEquals("the service writes only index-commitment, log-key-rotation, room-access, room-grant entries itself, not party", otherKind.getMessage());
    }

    @Test
    void submission_ofRoomAccessSignedByTheRootKey_isRefused() throws Exception {
        long before = log.sequencedSize();
        byte[] envelope = TestLog.sign("room-access",
                LedgerRecords.json(roomAccess("2026-04-02T12:00:00Z", "granted")), log.rootKey);

        assertRefused(log.submit(envelope), "room-access entries are written by the service only");
        byte[] batch = ("[" + new String(envelope, StandardCharsets.UTF_8) + "]").getBytes(StandardCharsets.UTF_8);
        assertRefused(service.http().post("logs/" + LOG_ID + "/entries/batch", log.submitToken, batch),
                "room-access entries are written by the service only");
        assertEquals(before, log.sequencedSize());
    }

    @Test
    void submission_ofACorrectionReplacingWithRoomAccess_isRefused() throws Exception {
        ObjectNode correction = Http.JSON.createObjectNode().put("kind", "correction")
                .put("supersedesLeafHash", "00".repeat(32)).put("reason", "rewrite the access log");
        correction.set("replacement", roomAccess("2026-04-02T12:30:00Z", "granted"));

        assertRefused(log.submit(TestLog.sign("correction", LedgerRecords.json(correction), log.rootKey)),
                "room-access entries are written by the service only: a correction cannot replace one");
    }

    @Test
    void submission_ofACorrectionReplacingAClaim_isRefused() throws Exception {
        for (String claiming : List.of("go-cancellation", "supply-settlement")) {
            ObjectNode correction = Http.JSON.createObjectNode().put("kind", "correction")
                    .put("supersedesLeafHash", "00".repeat(32)).put("reason", "claim the serials a second time");
            try (var in = AccessLogEntryTest.class.getResourceAsStream("/vectors/records/valid/" + claiming + ".json")) {
                correction.set("replacement", Http.JSON.readTree(in));
            }
            long before = log.sequencedSize();

            assertRefused(log.submit(TestLog.sign("correction", LedgerRecords.json(correction), log.rootKey)),
                    "a correction cannot replace a " + claiming + " record: a claim is final");
            assertEquals(before, log.sequencedSize());
        }
    }

    @Test
    void fullBundle_withARoomAccessEntry_passesTheOfflineVerifier() throws Exception {
        Receipt receipt = append(roomAccess("2026-04-02T13:00:00Z", "granted"));
        assertTrue(ledger.awaitCheckpoint(LOG_ID, receipt.index() + 1, Duration.ofSeconds(10)).isPresent());

        HttpResponse<byte[]> bundle = log.read("bundle");
        assertEquals(200, bundle.statusCode(), Http.text(bundle));
        Path zip = Files.createTempFile("access-log-bundle", ".zip");
        VerificationReport report;
        try {
            Files.write(zip, bundle.body());
            report = new Verifier().verify(zip, List.of(NoteVerifier.parse(log.logVerifierKey)));
        } finally {
            Files.delete(zip);
        }

        assertTrue(report.passed(), report.failures().toString());
        String file = report.manifest().leafSubject(receipt.index());
        List<CheckResult> signature = report.results().stream()
                .filter(r -> r.check().equals("entry-signature") && r.subject().equals(file)).toList();
        assertEquals(1, signature.size(), report.results().toString());
        assertEquals(CheckStatus.PASS, signature.getFirst().status());
        assertEquals("written by the log, signed by its log key", signature.getFirst().message());
    }
}
