package org.cbamledger.service.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TestLog;
import org.cbamledger.spec.RecordValidator;
import org.cbamledger.verifier.VerifyCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11 item 4: a token and a room id must not be enough to grow the exporter's log. A burst from a token the
 * room is not granted to adds one entry and, when its minute is over, one summary counting the rest; past the
 * caller's rate it is 429 with Retry-After. Granted requests keep one entry each. The log verifies offline.
 */
class RoomRefusalFloodTest {
    private static final String LOG = "refusal-flood";
    private static final int BURST = 50;
    /** Below the default 30, so the throttled count shows cbam.rooms.rate-limit reaches the room routes. */
    private static final int CALLER_BURST = 12;

    @Test
    void burstWithoutAGrant_addsOneEntryAndOneSummary_andIsThrottled(@TempDir Path dir) throws Exception {
        try (RunningService service = RunningService.start(
                Map.of("cbam.rooms.rate-limit.burst", CALLER_BURST, "cbam.rooms.rate-limit.per-second", 1))) {
            TestLog log = TestLog.create(service, LOG);
            String admin = service.adminToken();
            HttpResponse<byte[]> created = service.http().post("logs/" + LOG + "/rooms", admin,
                    ("{\"installationId\":\"TR-1\",\"periodFrom\":\"2026-01-01\",\"periodTo\":\"2026-03-31\","
                            + "\"cnCodes\":[\"76041090\"]}").getBytes(StandardCharsets.UTF_8));
            assertEquals(201, created.statusCode(), Http.text(created));
            String roomId = Http.json(created).get("roomId").asString();
            String stranger = service.token(Scopes.verifier("nobody-granted"));

            long before = log.sequencedSize();
            List<HttpResponse<byte[]>> answers = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                List<Future<HttpResponse<byte[]>>> sent = new ArrayList<>();
                for (int i = 0; i < BURST; i++) {
                    sent.add(pool.submit(() -> service.http().get("rooms/" + roomId + "/entries", stranger)));
                }
                for (Future<HttpResponse<byte[]>> f : sent) {
                    answers.add(f.get());
                }
            }
            long refused = answers.stream().filter(a -> a.statusCode() == 404).count();
            long throttled = answers.stream().filter(a -> a.statusCode() == 429).count();
            assertEquals(BURST, refused + throttled, "only 404 and 429 answers");
            assertTrue(throttled >= BURST - CALLER_BURST - 2, throttled + " throttled");
            for (HttpResponse<byte[]> a : answers) {
                assertEquals("application/problem+json", a.headers().firstValue("Content-Type").orElse(""));
                if (a.statusCode() == 429) {
                    assertTrue(Long.parseLong(a.headers().firstValue("Retry-After").orElseThrow()) >= 1);
                    assertEquals("https://cbam-ledger.org/problems/too-many-requests",
                            Http.json(a).get("type").asString());
                }
            }
            long grown = log.sequencedSize() - before;
            assertTrue(grown >= 1 && grown <= 2, refused + " refusals grew the log by " + grown);

            // the exporter, granted, is logged once per request
            long beforeGranted = log.sequencedSize();
            for (int i = 0; i < 3; i++) {
                HttpResponse<byte[]> granted = service.http().get("rooms/" + roomId, admin);
                assertEquals(200, granted.statusCode(), Http.text(granted));
            }
            assertEquals(beforeGranted + 3, log.sequencedSize());

            // shutting down writes the open minute's summary: first entry + summary count = every refusal
            service.context().getBean(RoomAccess.class).close();
            long logged = 0;
            List<JsonNode> summaries = new ArrayList<>();
            for (long i = before, size = log.sequencedSize(); i < size; i++) {
                JsonNode record = Http.JSON.readTree(Base64.getDecoder().decode(
                        Http.json(log.read("entries/" + i)).at("/envelope/payload").asString()));
                if (record.at("/principal/role").asString("").equals("none")) {
                    RecordValidator.validate(record);
                    logged += record.has("refusals") ? record.at("/refusals/count").asLong() : 1;
                    if (record.has("refusals")) {
                        summaries.add(record);
                    }
                }
            }
            assertEquals(refused, logged, "every refusal is in an entry or a summary's count");
            assertTrue(summaries.size() <= 2, summaries.toString());
            assertEquals("denied", summaries.getFirst().get("outcome").asString());
            assertEquals(404, summaries.getFirst().get("status").asInt());

            // the log with its summary verifies offline
            HttpResponse<byte[]> bundle = service.http().get("logs/" + LOG + "/bundle", admin);
            assertEquals(200, bundle.statusCode());
            Path zip = dir.resolve("log.zip");
            Files.write(zip, bundle.body());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = new CommandLine(new VerifyCommand()).setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                    .setErr(new PrintWriter(out, true, StandardCharsets.UTF_8))
                    .execute(zip.toString(), "--log-key", log.logVerifierKey, "--root-key", log.rootKey.keyId());
            assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
        }
    }
}
