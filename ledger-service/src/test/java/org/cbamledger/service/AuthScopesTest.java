package org.cbamledger.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.auth.TokenAuthority;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TestLog;
import org.cbamledger.signer.SigningKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthScopesTest {
    private static RunningService service;
    private static TestLog log;
    private static byte[] envelope;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start();
        log = TestLog.create(service, "auth-a");
        TestLog.create(service, "auth-b");
        SigningKey gateway = log.registerKey("device", List.of("meter-reading-batch"));
        envelope = TestLog.sign("meter-reading-batch",
                TestLog.meterBatch("m", "gw-auth", 0, Instant.parse("2026-11-01T00:00:00Z"), 1), gateway);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static void assertStatus(int status, HttpResponse<byte[]> response) {
        assertEquals(status, response.statusCode(), Http.text(response));
        if (status >= 400) {
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        }
    }

    @Test
    void noToken_is401OnProtectedEndpoints() {
        assertStatus(401, service.http().get("logs/auth-a/entries/0", null));
        assertStatus(401, service.http().post("logs/auth-a/entries", null, envelope));
        assertStatus(401, service.http().get("logs/auth-a/bundle", null));
        assertStatus(401, service.http().post("logs", null, "{}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void tokenFromAnotherKey_is401() throws Exception {
        java.nio.file.Path elsewhere = Files.createTempDirectory("foreign");
        String token = TokenAuthority.loadOrCreate(elsewhere, Clock.systemUTC())
                .mint("mallory", List.of(Scopes.ADMIN), Duration.ofMinutes(5));
        org.cbamledger.service.bundle.DirectoryZip.deleteTree(elsewhere);
        assertStatus(401, service.http().get("logs/auth-a/entries/0", token));
        assertStatus(401, service.http().get("logs/auth-a/entries/0", "not-a-jwt"));
    }

    @Test
    void publicEndpoints_needNoToken() {
        assertStatus(200, service.http().get("health", null));
        assertStatus(200, service.http().get("logs/auth-a/checkpoint", null));
        assertStatus(200, service.http().get("logs/auth-a/tile/0/000.p/1", null));
    }

    @Test
    void readScope_readsButCannotSubmitOrCreateLogs() {
        String read = service.token(Scopes.read("auth-a"));
        assertStatus(200, service.http().get("logs/auth-a/entries/0", read));
        assertStatus(200, service.http().get("logs/auth-a/proofs/inclusion?index=0&treeSize=1", read));
        assertStatus(403, service.http().post("logs/auth-a/entries", read, envelope));
        assertStatus(403, service.http().post("logs", read,
                "{\"logId\":\"nope\",\"operatorName\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void submitScope_submitsButCannotRead() {
        String submit = service.token(Scopes.submit("auth-a"));
        HttpResponse<byte[]> response = service.http().post("logs/auth-a/entries", submit, envelope);
        assertEquals(true, response.statusCode() == 201 || response.statusCode() == 200, Http.text(response));
        assertStatus(403, service.http().get("logs/auth-a/entries/0", submit));
        assertStatus(403, service.http().get("logs/auth-a/bundle", submit));
    }

    @Test
    void scopesOfOneLog_grantNothingOnAnother() {
        String tokenA = service.token(Scopes.read("auth-a"), Scopes.submit("auth-a"), Scopes.logAdmin("auth-a"));
        assertStatus(403, service.http().get("logs/auth-b/entries/0", tokenA));
        assertStatus(403, service.http().post("logs/auth-b/entries", tokenA, envelope));
        assertStatus(403, service.http().get("logs/auth-b/proofs/consistency?from=1&to=2", tokenA));
        assertStatus(403, service.http().get("logs/auth-b/devices/gw/sequence-gaps", tokenA));
    }

    @Test
    void logAdminScope_grantsReadAndSubmitOfItsLog() {
        String admin = service.token(Scopes.logAdmin("auth-a"));
        assertStatus(200, service.http().get("logs/auth-a", admin));
        assertStatus(200, service.http().get("logs/auth-a/devices/gw-auth/sequence-gaps", admin));
    }

    @Test
    void adminToken_createsLogs() throws Exception {
        assertStatus(201, service.http().post("logs", service.adminToken(),
                "{\"logId\":\"auth-c\",\"operatorName\":\"C\"}".getBytes(StandardCharsets.UTF_8)));
        assertStatus(409, service.http().post("logs", service.adminToken(),
                "{\"logId\":\"auth-c\",\"operatorName\":\"C\"}".getBytes(StandardCharsets.UTF_8)));
        assertStatus(400, service.http().post("logs", service.adminToken(),
                "{\"logId\":\"Bad_Id\",\"operatorName\":\"C\"}".getBytes(StandardCharsets.UTF_8)));
    }
}
