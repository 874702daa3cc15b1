package org.cbamledger.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cbamledger.service.support.BadBodies;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TestLog;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11, the adversarial suite: every operation of api-spec's openapi.yaml, each path and query parameter in
 * turn replaced by a malformed value (NUL, CR LF, traversal, overlong, bidi and invalid UTF-8, numbers out of
 * range), and every body replaced by the wrong type, 10,000 levels of nesting, an oversized document, duplicate
 * keys and bogus DSSE envelopes. Bounded to {@value #MAX_REQUESTS} requests and {@value #MAX_SECONDS} s. No answer
 * may be a 5xx, and every 4xx is problem+json with a stable type (the web view's HTML pages excepted: a browser
 * reads them).
 */
class OpenApiFuzzTest {
    private static final int MAX_REQUESTS = 2_000;
    private static final int MAX_SECONDS = 60;
    private static final String LOG = "fuzz-log";
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final List<String> BAD_VALUES = List.of("%00", "a%00b", "x%00", "..%2F..%2Fetc%2Fpasswd", "..",
            "%2e%2e", "a%0D%0Ab", "x".repeat(300), "9".repeat(40), "-1", "1e3", "%E2%80%AEtxt.exe", "%C0%AF", "%FF%FE",
            "%F0%9F%92%A5", "'%20OR%201%3D1--", "%25", "+999999999-01", "0000-00", "true%00");
    private static final Map<String, String> GOOD_VALUES = Map.ofEntries(Map.entry("logId", LOG),
            Map.entry("index", "0"), Map.entry("leafHashHex", "0".repeat(64)), Map.entry("sha256", "0".repeat(64)),
            Map.entry("statementId", "no-such-statement"), Map.entry("roomId", "no-such-room"),
            Map.entry("partyId", "no-such-party"), Map.entry("deviceId", "gw-fuzz"),
            Map.entry("claimKey", "ppa:FUZZ:2026-01"), Map.entry("tilePath", "0/000.p/1"));

    private static final byte[] GOOD_BODY = "{}".getBytes(StandardCharsets.UTF_8);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> failures = new ArrayList<>();
    private int requests;
    private int serverErrors;
    private long deadlineNanos;

    @Test
    @SuppressWarnings("unchecked")
    void everyOperation_withMalformedInput_answersAProblem_neverA5xx() throws Exception {
        Map<String, Object> document;
        try (InputStream in = OpenApiFuzzTest.class.getResourceAsStream("/openapi/openapi.yaml")) {
            document = new Yaml().load(in);
        }
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        Map<String, Map<String, Object>> sharedParameters = (Map<String, Map<String, Object>>)
                ((Map<String, Object>) document.get("components")).get("parameters");
        try (RunningService service = RunningService.start()) {
            TestLog.create(service, LOG);
            String admin = service.adminToken();
            deadlineNanos = System.nanoTime() + Duration.ofSeconds(MAX_SECONDS).toNanos();
            int operations = 0;
            for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
                for (Map.Entry<String, Object> op : path.getValue().entrySet()) {
                    if (!List.of("get", "post", "put", "delete").contains(op.getKey())) {
                        continue;
                    }
                    operations++;
                    List<String> query = queryNames((Map<String, Object>) op.getValue(), path.getValue(), sharedParameters);
                    fuzz(service.http().base(), admin, op.getKey().toUpperCase(), path.getKey(), query);
                }
            }
            System.out.printf("fuzz: %d operations, %d requests, %d 5xx, %d failures%n",
                    operations, requests, serverErrors, failures.size());
            assertTrue(operations >= 40, operations + " operations");
            assertTrue(requests >= 1_000, "only " + requests + " requests in " + MAX_SECONDS + " s");
            assertEquals(0, serverErrors, String.join("\n", failures));
            assertEquals(List.of(), failures);
            // the service is still there and answers as before
            assertEquals(200, service.http().get("logs/" + LOG, admin).statusCode());
        }
    }

    private void fuzz(URI base, String token, String method, String template, List<String> query) {
        Matcher m = VARIABLE.matcher(template);
        List<String> variables = new ArrayList<>();
        while (m.find()) {
            variables.add(m.group(1));
        }
        for (String variable : variables) {
            for (String bad : BAD_VALUES) {
                send(base, token, method, fill(template, variable, bad), GOOD_BODY);
            }
        }
        for (String name : query) {
            for (String bad : BAD_VALUES) {
                send(base, token, method, fill(template, null, null) + "?" + name + "=" + bad, GOOD_BODY);
            }
        }
        if (method.equals("POST") || method.equals("PUT")) {
            for (byte[] body : BadBodies.ALL) {
                send(base, token, method, fill(template, null, null), body);
            }
        }
        send(base, null, method, fill(template, null, null), GOOD_BODY);
    }

    private static String fill(String template, String variable, String bad) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.equals(variable) ? bad : GOOD_VALUES.getOrDefault(name, "x1");
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> queryNames(Map<String, Object> operation, Map<String, Object> item,
            Map<String, Map<String, Object>> shared) {
        List<Object> declared = new ArrayList<>();
        declared.addAll((List<Object>) item.getOrDefault("parameters", List.of()));
        declared.addAll((List<Object>) operation.getOrDefault("parameters", List.of()));
        List<String> names = new ArrayList<>();
        for (Object p : declared) {
            Map<String, Object> parameter = (Map<String, Object>) p;
            if (parameter.containsKey("$ref")) {
                String ref = (String) parameter.get("$ref");
                parameter = shared.get(ref.substring(ref.lastIndexOf('/') + 1));
            }
            if ("query".equals(parameter.get("in"))) {
                names.add((String) parameter.get("name"));
            }
        }
        return names;
    }

    private void send(URI base, String token, String method, String pathAndQuery, byte[] body) {
        if (requests >= MAX_REQUESTS || System.nanoTime() > deadlineNanos) {
            return;
        }
        requests++;
        String what = method + " " + pathAndQuery.substring(0, Math.min(200, pathAndQuery.length())) + " (body "
                + (body == null ? "none" : body.length + " bytes") + (token == null ? ", no token)" : ")");
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery.substring(1)))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", pathAndQuery.contains("/documents") ? "application/octet-stream" : "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            // a refused upload's body is read and dropped first (RefusedUpload): its answer arrives, never a reset
            failures.add(what + ": no answer: " + e);
            return;
        }
        int status = response.statusCode();
        if (status >= 500) {
            serverErrors++;
            failures.add(what + " -> " + status + " " + Http.text(response));
            return;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 400 && !(pathAndQuery.startsWith("/ui/") && type.startsWith("text/html"))) {
            if (!type.equals("application/problem+json")) {
                failures.add(what + " -> " + status + " as " + type);
                return;
            }
            JsonNode problem = Http.json(response);
            if (!problem.path("type").asString("").startsWith("https://cbam-ledger.org/problems/")
                    || problem.path("status").asInt() != status) {
                failures.add(what + " -> " + status + " " + problem);
            }
        }
    }
}
