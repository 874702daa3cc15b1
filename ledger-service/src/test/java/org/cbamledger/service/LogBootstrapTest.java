package org.cbamledger.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.log.LedgerRecords;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TestLog;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Creating a log with the operator's own root key, and tokens minted by the CLI. */
class LogBootstrapTest {
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static RunningService service;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static byte[] createRequest(String logId, byte[] party, byte[] registration) {
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("logId", logId);
        body.put("operatorName", "Own Key Extrusions");
        body.putArray("bootstrap").add(Http.JSON.readTree(party)).add(Http.JSON.readTree(registration));
        return Http.JSON.writeValueAsBytes(body);
    }

    private static byte[] party(String logId) {
        return LedgerRecords.json(LedgerRecords.operatorParty(logId, "Own Key Extrusions", "TR"));
    }

    private static byte[] rootRegistration(SigningKey root, String logId) {
        return LedgerRecords.json(LedgerRecords.keyRegistration(root.publicKey(), logId, "root", List.of("*"), FROM, null));
    }

    @Test
    void operatorBroughtBootstrap_becomesTheFirstTwoEntries_andItsRootKeyRegistersKeys() throws Exception {
        SigningKey root = SigningKey.generate(KeyAlgorithm.ECDSA_P256);
        byte[] party = TestLog.sign("party", party("own-key"), root);
        byte[] registration = TestLog.sign("key-registration", rootRegistration(root, "own-key"), root);
        HttpResponse<byte[]> created = service.http().post("logs", service.adminToken(),
                createRequest("own-key", party, registration));
        assertEquals(201, created.statusCode(), Http.text(created));
        JsonNode body = Http.json(created);
        assertFalse(body.has("rootPrivateKeyPkcs8"), "the service must not hand out a key it did not make");
        assertEquals(root.keyId(), body.get("rootKeyId").asString());

        String read = service.token(Scopes.read("own-key"));
        JsonNode first = Http.json(service.http().get("logs/own-key/entries/0", read));
        assertEquals(new String(party, StandardCharsets.UTF_8), Http.JSON.writeValueAsString(first.get("envelope")));

        SigningKey gateway = SigningKey.generate(KeyAlgorithm.ED25519);
        HttpResponse<byte[]> registered = service.http().post("logs/own-key/entries", service.token(Scopes.submit("own-key")),
                TestLog.sign("key-registration", LedgerRecords.json(LedgerRecords.keyRegistration(gateway.publicKey(),
                        "own-key", "device", List.of("meter-reading-batch"), FROM, null)), root));
        assertEquals(201, registered.statusCode(), Http.text(registered));
        assertEquals(2, Http.json(registered).get("index").asLong());
    }

    @Test
    void bootstrapNotSignedByTheRegisteredRootKey_isRejectedAndCreatesNoLog() throws Exception {
        SigningKey root = SigningKey.generate(KeyAlgorithm.ED25519);
        SigningKey other = SigningKey.generate(KeyAlgorithm.ED25519);
        HttpResponse<byte[]> created = service.http().post("logs", service.adminToken(), createRequest("forged",
                TestLog.sign("party", party("forged"), other),
                TestLog.sign("key-registration", rootRegistration(root, "forged"), root)));
        assertEquals(400, created.statusCode(), Http.text(created));
        assertEquals("https://cbam-ledger.org/problems/invalid-bootstrap", Http.json(created).get("type").asString());
        assertEquals(404, service.http().get("logs/forged", service.adminToken()).statusCode());
    }

    @Test
    void bootstrapInTheWrongOrder_isRejected() throws Exception {
        SigningKey root = SigningKey.generate(KeyAlgorithm.ED25519);
        byte[] party = TestLog.sign("party", party("swapped"), root);
        byte[] registration = TestLog.sign("key-registration", rootRegistration(root, "swapped"), root);
        HttpResponse<byte[]> created = service.http().post("logs", service.adminToken(),
                createRequest("swapped", registration, party));
        assertEquals(400, created.statusCode(), Http.text(created));
        assertEquals(404, service.http().get("logs/swapped", service.adminToken()).statusCode());
    }

    @Test
    void tokenCommand_mintsATokenTheServiceAccepts() throws Exception {
        TestLog.create(service, "cli-token");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = new CommandLine(new TokenCommand()).execute("--data-dir", service.dataDir().toString(),
                    "--scope", Scopes.read("cli-token"), "--subject", "auditor", "--ttl", "PT10M");
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, code);
        String token = out.toString(StandardCharsets.UTF_8).trim();
        assertEquals(200, service.http().get("logs/cli-token/entries/0", token).statusCode());
        assertEquals(403, service.http().get("logs/own-key/entries/0", token).statusCode());
        assertTrue(token.split("\\.").length == 3);
    }
}
