package org.cbamledger.service.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TestLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 11 item 3: malformed ids and dates are a 400 naming the parameter, never a 503 "database failure". */
class BadInputEdgeTest {
    private static final String LOG = "bad-input";
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

    @Test
    void postToAPathNoRouteTakes_is404NotLengthRequired() {
        HttpResponse<byte[]> response = service.http().post("logs/" + LOG + "/no-such-thing/%00", admin,
                "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(404, response.statusCode(), Http.text(response));
    }
}
