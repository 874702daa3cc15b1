package org.cbamledger.service.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TestLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11 items 3 and 5: malformed ids and dates are a 400 naming the parameter, never a 503 "database failure";
 * an overlong request line is 414 and overlong headers 431 (not 413, which is for bodies); bodies are I-JSON.
 */
class BadInputEdgeTest {
    private static final String LOG = "bad-input";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static RunningService service;
    private static String admin;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start();
        TestLog.create(service, LOG);
        admin = service.adminToken();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static void assertInvalid(HttpResponse<byte[]> response, String parameter, String what) {
        assertEquals(400, response.statusCode(), what + ": " + Http.text(response));
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), what);
        JsonNode problem = Http.json(response);
        assertEquals("https://cbam-ledger.org/problems/invalid-parameter", problem.get("type").asString(), what);
        assertTrue(problem.get("detail").asString().startsWith(parameter + " "), what + ": " + problem);
    }

    @Test
    void nulByteInEveryKindOfPathId_is400NamingTheParameter() {
        String nul = "x%00y";
        String sha = "0".repeat(64);
        List<String[]> cases = List.of(
                new String[] {"logs/" + nul, "logId"},
                new String[] {"logs/" + nul + "/entries/0", "logId"},
                new String[] {"logs/" + LOG + "/entries/" + nul, "index"},
                new String[] {"logs/" + LOG + "/entries/by-hash/" + nul, "leafHashHex"},
                new String[] {"logs/" + LOG + "/statements/" + nul, "statementId"},
                new String[] {"logs/" + LOG + "/documents/" + nul, "sha256"},
                new String[] {"logs/" + LOG + "/devices/" + nul + "/sequence-gaps", "deviceId"},
                new String[] {"logs/" + nul + "/checkpoint", "logId"},
                new String[] {"rooms/" + nul, "roomId"},
                new String[] {"rooms/" + nul + "/documents/" + sha, "roomId"},
                new String[] {"importer/statements/" + LOG + "/" + nul, "statementId"},
                new String[] {"claims/ppa:" + nul, "claimKey"},
                new String[] {"logs/" + LOG + "/proofs/inclusion?index=" + nul + "&treeSize=1", "index"},
                new String[] {"logs/" + LOG + "/bundle?statement=" + nul, "statement"},
                new String[] {"ui/logs/" + LOG + "?month=%2B999999999-01", "month"},
                new String[] {"ui/logs/" + LOG + "?month=0001-01", "month"});
        for (String[] c : cases) {
            assertInvalid(service.http().get(c[0], admin), c[1], c[0]);
        }
        assertInvalid(service.http().send("DELETE", "rooms/r1/grants/" + nul + "?role=verifier", admin), "partyId",
                "DELETE grant");
    }

    @Test
    void roomPeriodInYearNineHundredMillion_is400() {
        byte[] body = ("{\"installationId\":\"TR-1\",\"periodFrom\":\"+999999999-01-01\",\"periodTo\":\"+999999999-12-31\","
                + "\"cnCodes\":[\"76041090\"]}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> response = service.http().post("logs/" + LOG + "/rooms", admin, body);
        assertEquals(400, response.statusCode(), Http.text(response));
        assertEquals("https://cbam-ledger.org/problems/invalid-room", Http.json(response).get("type").asString());
        assertTrue(Http.json(response).get("detail").asString().startsWith("periodFrom "), Http.text(response));
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(service.http().base().resolve(path)).header("Authorization",
                "Bearer " + token).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(int status, String slug, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode problem = Http.JSON.readTree(response.body());
        assertEquals("https://cbam-ledger.org/problems/" + slug, problem.get("type").asString());
        assertEquals(status, problem.get("status").asInt());
    }

    @Test
    void queryOfFiveThousandCharacters_is414() throws Exception {
        assertProblem(414, "uri-too-long", get("logs/" + LOG + "/bundle?statement=" + "a".repeat(5_000), admin));
    }

    @Test
    void tokenOfHundredKilobytes_is431() throws Exception {
        assertProblem(431, "header-fields-too-large", get("logs/" + LOG, "a".repeat(100_000)));
    }

    @Test
    void duplicateMemberNames_areRefused_notReadAsTheLastValue() {
        HttpResponse<byte[]> log = service.http().post("logs", admin,
                "{\"logId\":\"dup-a\",\"logId\":\"dup-b\",\"operatorName\":\"X\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, log.statusCode(), Http.text(log));
        assertTrue(Http.json(log).get("detail").asString().contains("not I-JSON"), Http.text(log));
        assertEquals(404, service.http().get("logs/dup-b", admin).statusCode());
        HttpResponse<byte[]> room = service.http().post("logs/" + LOG + "/rooms", admin,
                ("{\"installationId\":\"TR-1\",\"periodFrom\":\"2026-01-01\",\"periodTo\":\"2026-03-31\","
                        + "\"cnCodes\":[\"76041090\"],\"cnCodes\":[\"76042910\"]}").getBytes(StandardCharsets.UTF_8));
        assertEquals(400, room.statusCode(), Http.text(room));
        assertEquals("https://cbam-ledger.org/problems/invalid-room", Http.json(room).get("type").asString());
    }

    @Test
    void nulInsideABodyTheDatabaseRefuses_is400_never503() {
        HttpResponse<byte[]> log = service.http().post("logs", admin,
                "{\"logId\":\"nul-operator\",\"operatorName\":\"A\\u0000B\"}".getBytes(StandardCharsets.UTF_8));
        assertTrue(log.statusCode() >= 400 && log.statusCode() < 500, log.statusCode() + " " + Http.text(log));
        HttpResponse<byte[]> room = service.http().post("logs/" + LOG + "/rooms", admin,
                ("{\"name\":\"a\\u0000b\",\"installationId\":\"TR-1\",\"periodFrom\":\"2026-01-01\","
                        + "\"periodTo\":\"2026-03-31\",\"cnCodes\":[\"76041090\"]}").getBytes(StandardCharsets.UTF_8));
        assertEquals(400, room.statusCode(), Http.text(room));
        assertEquals("application/problem+json", room.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void chunkedPostWithAMalformedLogId_is400NotLengthRequired() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(service.http().base()
                .resolve("logs/x%00y/entries/batch")).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("[]".getBytes())))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(400, "invalid-parameter", response);
    }

    @Test
    void postToAPathNoRouteTakes_is404NotLengthRequired() {
        HttpResponse<byte[]> response = service.http().post("logs/" + LOG + "/no-such-thing/%00", admin,
                "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(404, response.statusCode(), Http.text(response));
    }
}
