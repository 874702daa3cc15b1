package org.cbamledger.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.web.router.Router;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TestLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The OpenAPI document in api-spec and the running service's routes describe the same API. */
class OpenApiRoutesTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    /** Every route the service answers, each once: a route added or gone shows here and in openapi.yaml. */
    private static final Set<String> ROUTES = new TreeSet<>(Set.of(
            "DELETE /logs/{}/documents/{}",
            "DELETE /rooms/{}/grants/{}",
            "GET /.well-known/jwks.json",
            "GET /claims/{}",
            "GET /health",
            "GET /importer/statements",
            "GET /importer/statements/{}/{}",
            "GET /importer/statements/{}/{}/catena-x",
            "GET /importer/statements/{}/{}/communication.xlsx",
            "GET /importer/statements/{}/{}/pdf",
            "GET /importer/statements/{}/{}/pact",
            "GET /logs/{}",
            "GET /logs/{}/bundle",
            "GET /logs/{}/checkpoint",
            "GET /logs/{}/devices/{}/sequence-gaps",
            "GET /logs/{}/documents/{}",
            "GET /logs/{}/entries/by-hash/{}",
            "GET /logs/{}/entries/{}",
            "GET /logs/{}/proofs/consistency",
            "GET /logs/{}/proofs/inclusion",
            "GET /logs/{}/rooms",
            "GET /logs/{}/statements/{}",
            "GET /logs/{}/statements/{}/pdf",
            "GET /logs/{}/tile/{}",
            "GET /rooms",
            "GET /rooms/{}",
            "GET /rooms/{}/access-log",
            "GET /rooms/{}/bundle",
            "GET /rooms/{}/documents",
            "GET /rooms/{}/documents/{}",
            "GET /rooms/{}/entries",
            "GET /rooms/{}/entries/{}",
            "GET /rooms/{}/statements",
            "GET /rooms/{}/statements/{}",
            "GET /rooms/{}/statements/{}/pdf",
            "GET /ui/login",
            "GET /ui/logs",
            "GET /ui/logs/{}",
            "GET /ui/rooms/{}",
            "POST /logs",
            "POST /logs/{}/documents",
            "POST /logs/{}/entries",
            "POST /logs/{}/entries/batch",
            "POST /logs/{}/log-keys",
            "POST /logs/{}/rooms",
            "POST /logs/{}/statements",
            "POST /ui/login",
            "POST /ui/logout",
            "PUT /rooms/{}/grants/{}"));
    private static RunningService service;
    private static TestLog log;
    private static Map<String, Map<String, Object>> documented;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void start() throws Exception {
        try (InputStream in = OpenApiRoutesTest.class.getResourceAsStream("/openapi/openapi.yaml")) {
            Map<String, Object> document = new Yaml().load(in);
            assertEquals("3.1.0", document.get("openapi"));
            documented = (Map<String, Map<String, Object>>) document.get("paths");
        }
        service = RunningService.start();
        log = TestLog.create(service, "openapi-doc");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (service.http().get("logs/openapi-doc/checkpoint", null).statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static String shape(String template) {
        return template.replaceAll("\\{[^}]*}", "{}");
    }

    private static Set<String> documentedOperations() {
        Set<String> operations = new TreeSet<>();
        documented.forEach((path, item) -> item.keySet().stream().filter(METHODS::contains)
                .forEach(method -> operations.add(method.toUpperCase() + " " + shape(path))));
        return operations;
    }

    @Test
    void everyControllerRoute_isDocumented() {
        Set<String> routes = service.context().getBean(Router.class).uriRoutes()
                .filter(r -> METHODS.contains(r.getHttpMethod().name().toLowerCase()))
                .map(r -> r.getHttpMethod().name() + " " + shape(r.getUriMatchTemplate().toString()))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> undocumented = new TreeSet<>(routes);
        undocumented.removeAll(documentedOperations());
        assertTrue(undocumented.isEmpty(), "routes missing from openapi.yaml: " + undocumented);
        assertEquals(ROUTES, routes);
    }

    @Test
    void everyDocumentedOperation_isAnsweredByTheService() throws Exception {
        String leafHash = Http.json(log.read("entries/0")).get("leafHash").asString();
        Map<String, String> values = Map.of("{logId}", "openapi-doc", "{index}", "0", "{leafHashHex}", leafHash,
                "{tilePath}", "0/000.p/1", "{deviceId}", "gw-doc", "{statementId}", "no-such-statement",
                "{claimKey}", "ppa:PPA-DOC:2026-01", "{sha256}", "0".repeat(64), "{roomId}", "no-such-room",
                "{partyId}", "no-such-party");
        for (String operation : documentedOperations()) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = documentedPath(operation);
            String concrete = path;
            for (Map.Entry<String, String> v : values.entrySet()) {
                concrete = concrete.replace(v.getKey(), v.getValue());
            }
            assertTrue(!concrete.contains("{"), "no sample value for a parameter of " + path);
            if (concrete.endsWith("/proofs/inclusion")) {
                concrete += "?index=0&treeSize=1";
            } else if (concrete.endsWith("/proofs/consistency")) {
                concrete += "?from=1&to=2";
            }
            String relative = concrete.substring(1);
            HttpResponse<byte[]> response = method.equals("POST")
                    ? service.http().post(relative, service.adminToken(), "{}".getBytes(StandardCharsets.UTF_8))
                    : service.http().send(method, relative, service.adminToken());
            // a 404 of the domain (no such statement, or a page saying so) is an answer; Micronaut's "no route" is not
            boolean noRoute = response.statusCode() == 404
                    && response.headers().firstValue("Content-Type").orElse("").contains("json")
                    && Http.json(response).path("type").asString("").endsWith("/problems/not-found");
            assertTrue(!noRoute, operation + " has no route: " + Http.text(response));
            assertNotEquals(405, response.statusCode(), operation + ": " + Http.text(response));
            assertTrue(response.statusCode() < 500, operation + ": " + Http.text(response));
        }
    }

    private static String documentedPath(String operation) {
        String shape = operation.substring(operation.indexOf(' ') + 1);
        return documented.keySet().stream().filter(p -> shape(p).equals(shape)).findFirst().orElseThrow();
    }
}
