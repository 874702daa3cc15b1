package org.cbamledger.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.cbamledger.signer.CosignatureSigner;
import org.cbamledger.signer.CosignatureVerifier;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.signer.SignedNote;
import org.cbamledger.signer.SigningKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WitnessServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    private final TestLog log = new TestLog("cbam-ledger/acme-alu");
    private final SigningKey witnessKey = SigningKey.generate(KeyAlgorithm.ED25519);
    private WitnessServer server;

    private WitnessServer start() throws IOException {
        if (server != null) {
            server.close();
        }
        Files.writeString(dataDir.resolve(KnownLogs.FILE), log.key.verifierKey() + "\n");
        Witness witness = new Witness(new CosignatureSigner("test-witness", witnessKey), new KnownLogs(List.of(), dataDir),
                new WitnessStateStore(dataDir), Clock.systemUTC());
        server = new WitnessServer(witness, "127.0.0.1", 0);
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> add(AddCheckpointRequest request) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.url().resolve("add-checkpoint"))
                .POST(HttpRequest.BodyPublishers.ofString(request.format())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void assertCosigned(HttpResponse<String> response, String checkpoint) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        CosignatureVerifier vkey = CosignatureVerifier.parse(fetchVkey());
        SignedNote cosigned = SignedNote.parse(checkpoint + response.body());
        assertEquals(1, CosignatureVerifier.verifyAll(cosigned, List.of(vkey)).size());
    }

    private String fetchVkey() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.url().resolve("vkey")).build(),
                HttpResponse.BodyHandlers.ofString()).body().strip();
    }

    @Test
    void consistentAdditions_areCosigned_andTheVkeyIsServed() throws Exception {
        start();
        log.append("a", "b", "c");
        assertCosigned(add(log.request(0)), log.checkpoint());
        log.append("d", "e");
        assertCosigned(add(log.request(3)), log.checkpoint());
        assertCosigned(add(log.request(5)), log.checkpoint()); // the same checkpoint again
        assertEquals(new CosignatureSigner("test-witness", witnessKey).verifierKey(), fetchVkey());
    }

    @Test
    void staleOldSize_is409WithTheWitnessSize() throws Exception {
        start();
        log.append("a", "b", "c", "d");
        assertEquals(200, add(log.request(0)).statusCode());
        log.append("e");
        HttpResponse<String> response = add(log.request(2));
        assertEquals(409, response.statusCode());
        assertEquals("text/x.tlog.size", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("4\n", response.body());
    }

    @Test
    void rollback_isRefusedWith409() throws Exception {
        start();
        TestLog small = new TestLog(log.origin, log.key).append("a", "b");
        log.append("a", "b", "c", "d");
        assertEquals(200, add(log.request(0)).statusCode());
        HttpResponse<String> rollback = add(small.request(0));
        assertEquals(409, rollback.statusCode());
        assertEquals("4\n", rollback.body());
        assertEquals(400, add(small.request(2).withOldSize(4)).statusCode()); // old size beyond the checkpoint
    }

    @Test
    void forkAtTheSameSize_isRefused() throws Exception {
        start();
        log.append("a", "b", "c");
        assertEquals(200, add(log.request(0)).statusCode());
        TestLog fork = new TestLog(log.origin, log.key).append("a", "b", "X");
        HttpResponse<String> response = add(fork.request(3));
        assertEquals(409, response.statusCode());
        assertTrue(response.body().contains("forked"), response.body());
    }

    @Test
    void forkThatGrows_failsTheConsistencyProof_with422() throws Exception {
        start();
        log.append("a", "b", "c");
        assertEquals(200, add(log.request(0)).statusCode());
        TestLog fork = new TestLog(log.origin, log.key).append("a", "b", "X", "d", "e");
        HttpResponse<String> response = add(fork.request(3));
        assertEquals(422, response.statusCode(), response.body());
        log.append("d", "e");
        assertCosigned(add(log.request(3)), log.checkpoint()); // the honest log still proceeds
    }

    @Test
    void restart_keepsTheState() throws Exception {
        start();
        log.append("a", "b", "c");
        assertEquals(200, add(log.request(0)).statusCode());
        start();
        TestLog fork = new TestLog(log.origin, log.key).append("x");
        assertEquals(409, add(fork.request(0)).statusCode());
        log.append("d");
        assertCosigned(add(log.request(3)), log.checkpoint());
        assertTrue(Files.readString(dataDir.resolve("state").resolve(
                java.util.HexFormat.of().formatHex(log.origin.getBytes(StandardCharsets.UTF_8)))).contains("\n4\n"));
    }

    @Test
    void wrongLogKey_is403_andUnknownOrigin_is404() throws Exception {
        start();
        TestLog impostor = new TestLog(log.origin).append("a");
        assertEquals(403, add(impostor.request(0)).statusCode());
        TestLog other = new TestLog("cbam-ledger/other").append("a");
        assertEquals(404, add(other.request(0)).statusCode());
        assertEquals(400, HTTP.send(HttpRequest.newBuilder(server.url().resolve("add-checkpoint"))
                .POST(HttpRequest.BodyPublishers.ofString("old 01\n\nx")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void knownLogs_readsKeysGivenOnTheCommandLine() throws Exception {
        KnownLogs logs = new KnownLogs(List.of(NoteVerifier.parse(log.key.verifierKey())), dataDir);
        assertEquals(1, logs.keysOf(log.origin).size());
        assertTrue(logs.keysOf("cbam-ledger/other").isEmpty());
    }
}
