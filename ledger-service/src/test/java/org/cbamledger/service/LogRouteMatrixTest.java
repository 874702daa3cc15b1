package org.cbamledger.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.demo.DemoLogs;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TestLog;
import org.cbamledger.service.http.UiSession;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, the adversarial suite: every route that takes a log id (the public checkpoint and tiles aside, and the
 * document routes, which DocumentEndpointTest covers per log), asked of log A with tokens that hold nothing of A:
 * the submit, read and admin scopes of log B, an importer of a party A issued nothing to, a verifier without a
 * grant and one granted a room of A (a room grant opens the room, never the log), and a browser cookie alone (of
 * log B; of A's own admin on every state change, which a cookie never authorises). No
 * answer may be a success or a redirect into the log, and log A must not grow by one entry: 0 leaks.
 */
class LogRouteMatrixTest {
    private static final String LOG_A = "matrix-log-a";
    private static final String LOG_B = "matrix-log-b";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Who asks, and how: a bearer token, or only the web view's cookie holding it. */
    private record Asker(String name, String token, boolean cookieOnly) {}

    @Test
    void everyLogRoute_asEveryOutsider_leaksNothing_andAppendsNothing() throws Exception {
        try (RunningService service = RunningService.start()) {
            DemoLogs.Loaded a = DemoLogs.load(service, LOG_A, "Example Extrusion A.S.", "TR",
                    Path.of("..", "scenarios", "turkish-extruder-2026"));
            TestLog.create(service, LOG_B);
            String admin = service.adminToken();
            HttpResponse<byte[]> room = service.http().post("logs/" + LOG_A + "/rooms", admin,
                    ("{\"installationId\":\"TR-EXTRUDER-01\",\"periodFrom\":\"2026-01-01\",\"periodTo\":\"2026-12-31\","
                            + "\"cnCodes\":[\"76041090\"]}").getBytes(StandardCharsets.UTF_8));
            String roomId = Http.json(room).get("roomId").asString();
            assertEquals(200, service.http().put("rooms/" + roomId + "/grants/v-granted", admin,
                    "{\"role\":\"verifier\",\"scopes\":[\"entries\",\"documents\",\"statements\",\"bundle\",\"view\"]}"
                            .getBytes(StandardCharsets.UTF_8)).statusCode());

            String ownerCookie = service.token(Scopes.logAdmin(LOG_A));
            List<Asker> askers = List.of(
                    new Asker("log B submit", service.token(Scopes.submit(LOG_B)), false),
                    new Asker("log B read", service.token(Scopes.read(LOG_B)), false),
                    new Asker("log B admin", service.token(Scopes.logAdmin(LOG_B)), false),
                    new Asker("importer of another party", service.token(Scopes.importer("not-the-recipient")), false),
                    new Asker("verifier without grant", service.token(Scopes.verifier("v-none")), false),
                    new Asker("verifier granted a room of A", service.token(Scopes.verifier("v-granted")), false),
                    new Asker("cookie of log B read", service.token(Scopes.read(LOG_B)), true),
                    new Asker("cookie alone of log A admin, changing state", ownerCookie, true));

            byte[] envelope = TestLog.sign("meter-reading-batch",
                    TestLog.meterBatch("m-1", "gw-matrix", 0, Instant.parse("2026-03-01T00:00:00Z"), 1), a.rootKey());
            String leaf = Http.json(service.http().get("logs/" + LOG_A + "/entries/0", admin)).get("leafHash").asString();
            String st = a.statementId();
            List<String[]> routes = List.of(
                    new String[] {"GET", "/logs/" + LOG_A},
                    new String[] {"POST", "/logs/" + LOG_A + "/entries"},
                    new String[] {"POST", "/logs/" + LOG_A + "/entries?wait=true"},
                    new String[] {"POST", "/logs/" + LOG_A + "/entries/batch"},
                    new String[] {"GET", "/logs/" + LOG_A + "/entries/0"},
                    new String[] {"GET", "/logs/" + LOG_A + "/entries/by-hash/" + leaf},
                    new String[] {"GET", "/logs/" + LOG_A + "/proofs/inclusion?index=0&treeSize=2"},
                    new String[] {"GET", "/logs/" + LOG_A + "/proofs/consistency?from=1&to=2"},
                    new String[] {"GET", "/logs/" + LOG_A + "/bundle"},
                    new String[] {"GET", "/logs/" + LOG_A + "/bundle?statement=" + st},
                    new String[] {"POST", "/logs/" + LOG_A + "/statements"},
                    new String[] {"GET", "/logs/" + LOG_A + "/statements/" + st},
                    new String[] {"GET", "/logs/" + LOG_A + "/statements/" + st + "/pdf"},
                    new String[] {"GET", "/logs/" + LOG_A + "/devices/gw-matrix/sequence-gaps"},
                    new String[] {"POST", "/logs/" + LOG_A + "/rooms"},
                    new String[] {"GET", "/logs/" + LOG_A + "/rooms"},
                    new String[] {"PUT", "/rooms/" + roomId + "/grants/intruder"},
                    new String[] {"DELETE", "/rooms/" + roomId + "/grants/v-granted?role=verifier"},
                    new String[] {"GET", "/ui/logs/" + LOG_A},
                    new String[] {"GET", "/importer/statements/" + LOG_A + "/" + st},
                    new String[] {"GET", "/importer/statements/" + LOG_A + "/" + st + "/pdf"});

            long sizeBefore = sequencedSize(service, admin);
            Map<String, Integer> statuses = new TreeMap<>();
            List<String> leaks = new ArrayList<>();
            int requests = 0;
            for (String[] route : routes) {
                for (Asker asker : askers) {
                    if (asker.cookieOnly() && asker.token().equals(ownerCookie) && route[0].equals("GET")) {
                        continue; // the owner's own cookie reads its own log: the web view's purpose, not a leak
                    }
                    HttpResponse<byte[]> response = send(service, asker, route[0], route[1], body(route, envelope));
                    requests++;
                    int status = response.statusCode();
                    statuses.merge(Integer.toString(status), 1, Integer::sum);
                    String text = Http.text(response);
                    if (status < 400 || status >= 500 || text.contains(a.logId() + "\",\"origin") || text.contains(st + "\",")) {
                        leaks.add(route[0] + " " + route[1] + " as " + asker.name() + " -> " + status + ": "
                                + text.substring(0, Math.min(300, text.length())));
                    }
                }
            }
            long grown = sequencedSize(service, admin) - sizeBefore;
            System.out.printf("log route matrix: %d routes x %d askers = %d requests, statuses %s, %d leaks, log grew %d%n",
                    routes.size(), askers.size(), requests, statuses, leaks.size(), grown);
            assertEquals(List.of(), leaks);
            assertEquals(0, grown, "log A grew from requests that held nothing of it");
            assertEquals(routes.size() * askers.size() - 14, requests, "every route as every asker, the owner cookie's 14 reads aside");
        }
    }

    private static byte[] body(String[] route, byte[] envelope) {
        String path = route[1];
        if (path.contains("/entries/batch")) {
            return ("[" + new String(envelope, StandardCharsets.UTF_8) + "]").getBytes(StandardCharsets.UTF_8);
        } else if (path.contains("/entries")) {
            return envelope;
        } else if (path.endsWith("/rooms")) {
            return ("{\"installationId\":\"TR-EXTRUDER-01\",\"periodFrom\":\"2026-01-01\",\"periodTo\":\"2026-12-31\","
                    + "\"cnCodes\":[\"76041090\"]}").getBytes(StandardCharsets.UTF_8);
        } else if (path.contains("/grants/")) {
            return "{\"role\":\"verifier\",\"scopes\":[\"entries\"]}".getBytes(StandardCharsets.UTF_8);
        }
        return route[0].equals("GET") || route[0].equals("DELETE") ? null : "{}".getBytes(StandardCharsets.UTF_8);
    }

    private static long sequencedSize(RunningService service, String admin) {
        return Http.json(service.http().get("logs/" + LOG_A, admin)).get("sequencedSize").asLong();
    }

    private static HttpResponse<byte[]> send(RunningService service, Asker asker, String method, String path,
            byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(service.http().base().resolve(path.substring(1)))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.header(asker.cookieOnly() ? "Cookie" : "Authorization",
                asker.cookieOnly() ? UiSession.COOKIE + "=" + asker.token() : "Bearer " + asker.token());
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
