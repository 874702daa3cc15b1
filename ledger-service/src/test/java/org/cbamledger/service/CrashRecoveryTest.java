package org.cbamledger.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.auth.TokenAuthority;
import org.cbamledger.service.bundle.DirectoryZip;
import org.cbamledger.service.log.LedgerRecords;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.SharedPostgres;
import org.cbamledger.service.support.TestLog;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.CheckpointVerifier;
import org.cbamledger.signer.ConsistencyProofVerifier;
import org.cbamledger.signer.InclusionProofVerifier;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.signer.SigningKey;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Kills the service (SIGKILL) while it is under load, restarts it on the same data directory and
 * database, and checks that every acknowledged entry kept its index and the tree grew consistently.
 */
class CrashRecoveryTest {
    private static final String LOG_ID = "crash";
    private static final Duration LOAD = Duration.ofSeconds(3);

    private record Acked(long index, String leafHash) {}

    @Test
    void sigkillUnderLoad_losesNoAcknowledgedEntryAndStaysConsistent() throws Exception {
        Path dataDir = Files.createTempDirectory("ledger-crash-");
        String dbUrl = SharedPostgres.newDatabase();
        int port = freePort();
        Process first = startChild(dataDir, dbUrl, port, "first");
        Http http = new Http(URI.create("http://127.0.0.1:" + port + "/"));
        Map<String, Acked> acked = new ConcurrentHashMap<>();
        AtomicReference<String> lastCheckpoint = new AtomicReference<>();
        String verifierKey;
        try {
            awaitHealthy(http, first);
            String admin = Files.readString(dataDir.resolve("auth/admin.token")).trim();
            HttpResponse<byte[]> created = http.post("logs", admin,
                    ("{\"logId\":\"" + LOG_ID + "\",\"operatorName\":\"Crash Test\"}").getBytes(StandardCharsets.UTF_8));
            assertEquals(201, created.statusCode(), Http.text(created));
            JsonNode log = Http.json(created);
            verifierKey = log.get("logVerifierKey").asString();
            SigningKey root = SigningKey.fromPkcs8(KeyAlgorithm.ED25519,
                    Base64.getDecoder().decode(log.get("rootPrivateKeyPkcs8").asString()));
            SigningKey gateway = SigningKey.generate(KeyAlgorithm.ED25519);
            Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            String submit = TokenAuthority.load(dataDir, Clock.systemUTC())
                    .mint("load", List.of(Scopes.submit(LOG_ID)), Duration.ofMinutes(10));
            assertEquals(201, http.post("logs/crash/entries", submit, TestLog.sign("key-registration",
                    LedgerRecords.json(LedgerRecords.keyRegistration(gateway.publicKey(), LOG_ID, "device",
                            List.of("meter-reading-batch"), now.minusSeconds(3600), null)), root)).statusCode());

            AtomicLong sequence = new AtomicLong();
            long stopAt = System.nanoTime() + LOAD.toNanos();
            List<Thread> load = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                load.add(Thread.ofVirtual().start(() -> {
                    while (System.nanoTime() < stopAt + Duration.ofSeconds(2).toNanos()) {
                        try {
                            long s = sequence.getAndIncrement();
                            byte[] envelope = TestLog.sign("meter-reading-batch", TestLog.meterBatch("meter-1", "gw-crash",
                                    s, Instant.parse("2026-11-01T00:00:00Z"), 4), gateway);
                            HttpResponse<byte[]> r = http.post("logs/crash/entries", submit, envelope);
                            if (r.statusCode() == 201) {
                                JsonNode receipt = Http.json(r);
                                acked.put(receipt.get("leafHash").asString(),
                                        new Acked(receipt.get("index").asLong(), receipt.get("leafHash").asString()));
                            }
                        } catch (RuntimeException | org.cbamledger.signer.SignerException e) {
                            return; // the server is gone
                        }
                    }
                }));
            }
            load.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < stopAt) {
                    try {
                        HttpResponse<byte[]> r = http.get("logs/crash/checkpoint", null);
                        if (r.statusCode() == 200) {
                            lastCheckpoint.set(Http.text(r));
                        }
                        Thread.sleep(100);
                    } catch (RuntimeException | InterruptedException e) {
                        return;
                    }
                }
            }));
            Thread.sleep(LOAD.toMillis());
            first.destroyForcibly();
            assertTrue(first.waitFor(30, TimeUnit.SECONDS));
            for (Thread t : load) {
                t.join(Duration.ofSeconds(40));
            }
        } finally {
            first.destroyForcibly();
        }
        assertTrue(acked.size() > 10, "only " + acked.size() + " entries were acknowledged under load");
        assertTrue(lastCheckpoint.get() != null, "no checkpoint was seen before the crash");

        Process second = startChild(dataDir, dbUrl, port, "second");
        try {
            awaitHealthy(http, second);
            String read = TokenAuthority.load(dataDir, Clock.systemUTC())
                    .mint("check", List.of(Scopes.read(LOG_ID)), Duration.ofMinutes(10));
            for (Acked a : acked.values()) {
                HttpResponse<byte[]> entry = http.get("logs/crash/entries/" + a.index(), read);
                assertEquals(200, entry.statusCode(), "acknowledged entry " + a.index() + " is gone");
                assertEquals(a.leafHash(), Http.json(entry).get("leafHash").asString(), "entry " + a.index() + " changed");
            }
            List<NoteVerifier> trusted = List.of(NoteVerifier.parse(verifierKey));
            Checkpoint before = CheckpointVerifier.verify(lastCheckpoint.get(), trusted, "cbam-ledger/crash");
            long maxAcked = acked.values().stream().mapToLong(Acked::index).max().orElseThrow();
            Checkpoint after = awaitCheckpoint(http, trusted, Math.max(before.size(), maxAcked + 1));
            JsonNode proof = Http.json(http.get("logs/crash/proofs/consistency?from=" + before.size() + "&to="
                    + after.size(), read));
            List<byte[]> hashes = new ArrayList<>();
            proof.get("hashes").values().forEach(h -> hashes.add(Base64.getDecoder().decode(h.asString())));
            ConsistencyProofVerifier.verify(before.size(), after.size(), before.rootHash(), after.rootHash(), hashes);
            for (Acked a : acked.values()) {
                JsonNode inclusion = Http.json(http.get("logs/crash/proofs/inclusion?index=" + a.index() + "&treeSize="
                        + after.size(), read));
                List<byte[]> path = new ArrayList<>();
                inclusion.get("hashes").values().forEach(h -> path.add(Base64.getDecoder().decode(h.asString())));
                InclusionProofVerifier.verify(a.index(), after.size(), HexFormat.of().parseHex(a.leafHash()), path,
                        after.rootHash());
            }
            System.out.printf("crash test: %d entries acknowledged in %d s under load; checkpoint %d before the kill,"
                    + " %d after restart%n", acked.size(), LOAD.toSeconds(), before.size(), after.size());
        } finally {
            second.destroy();
            if (!second.waitFor(30, TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
            DirectoryZip.deleteTree(dataDir);
        }
    }

    private static Checkpoint awaitCheckpoint(Http http, List<NoteVerifier> trusted, long minSize) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<byte[]> r = http.get("logs/crash/checkpoint", null);
            if (r.statusCode() == 200) {
                Checkpoint c = CheckpointVerifier.verify(Http.text(r), trusted, "cbam-ledger/crash");
                if (c.size() >= minSize) {
                    return c;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no checkpoint of size >= " + minSize + " after restart");
            }
            Thread.sleep(100);
        }
    }

    private static Process startChild(Path dataDir, String dbUrl, int port, String name) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", classpath, LedgerApplication.class.getName(),
                "--port", Integer.toString(port), "--host", "127.0.0.1", "--data-dir", dataDir.toString(),
                "--db-url", dbUrl, "--db-user", "postgres")
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(name + ".log").toFile())
                .start();
    }

    private static void awaitHealthy(Http http, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("service process exited with " + process.exitValue());
            }
            try {
                if (http.get("health", null).statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("service did not become healthy within 90 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
