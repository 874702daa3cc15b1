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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.auth.TokenAuthority;
import org.cbamledger.service.bundle.DirectoryZip;
import org.cbamledger.service.log.LedgerRecords;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.TestLog;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.CheckpointVerifier;
import org.cbamledger.signer.ConsistencyProofVerifier;
import org.cbamledger.signer.InclusionProofVerifier;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.Kinds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * SIGKILLs the service three times in a row while a few threads append signed entries, as {@code ./cbam serve}
 * runs in real life: a child JVM with its own data directory and its embedded PostgreSQL, which outlives the kill.
 * Each first restart must serve within 15 s; every acknowledged receipt must stay at its index; each new checkpoint
 * must be consistent (RFC 9162) with the last one seen before the kill.
 */
class CrashRecoveryTest {
    private static final String LOG_ID = "crash";
    private static final String ORIGIN = "cbam-ledger/crash";
    private static final int KILLS = 3;
    private static final int LOAD_THREADS = 4;
    private static final Duration LOAD = Duration.ofMillis(2_500);
    private static final Duration RESTART_LIMIT = Duration.ofSeconds(15);
    private static final Duration FIRST_START_LIMIT = Duration.ofSeconds(90);

    private record Acked(long index, String leafHash) {}

    private final Map<String, Acked> acked = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();

    @Test
    void sigkillThreeTimesUnderLoad_firstRestartServesWithin15s_noAcknowledgedEntryLost_treeStaysConsistent()
            throws Exception {
        Path dataDir = Files.createTempDirectory("ledger-crash-");
        int port = freePort();
        Http http = new Http(URI.create("http://127.0.0.1:" + port + "/"));
        List<Long> restartMillis = new ArrayList<>();
        long firstStartAt = System.nanoTime();
        Process service = startChild(dataDir, port, "start-0");
        boolean passed = false;
        try {
            awaitServing(http, service, firstStartAt, FIRST_START_LIMIT);
            SigningKey gateway = createLogWithGateway(http, dataDir);
            List<NoteVerifier> trusted = List.of(NoteVerifier.parse(
                    Http.json(http.get("logs/" + LOG_ID, readToken(dataDir))).get("logVerifierKey").asString()));
            String submit = TokenAuthority.load(dataDir, Clock.systemUTC())
                    .mint("load", List.of(Scopes.submit(LOG_ID)), Duration.ofMinutes(10));
            for (int kill = 1; kill <= KILLS; kill++) {
                String lastSeen = loadThenKill(http, service, submit, gateway);
                assertTrue(leftoverPostmaster(dataDir).isPresent(),
                        "the embedded PostgreSQL outlives the killed JVM, as in real life");
                long restartedAt = System.nanoTime();
                service = startChild(dataDir, port, "restart-" + kill);
                awaitServing(http, service, restartedAt, RESTART_LIMIT);
                restartMillis.add(Duration.ofNanos(System.nanoTime() - restartedAt).toMillis());
                checkAfterRestart(http, readToken(dataDir), trusted, lastSeen, kill);
            }
            long lost = lostReceipts(http, readToken(dataDir));
            String counts = String.format("crash test: %d kills, %d requests, %d acknowledged, %d lost,"
                    + " first restart served after %s ms (load average %s)", KILLS, requests.get(), acked.size(), lost,
                    restartMillis, loadAverage());
            System.out.println(counts);
            assertEquals(0, lost, counts);
            passed = true;
        } finally {
            stop(service, dataDir);
            if (passed) {
                DirectoryZip.deleteTree(dataDir);
            } else {
                System.out.println("crash test: logs and data kept in " + dataDir);
            }
        }
    }

    private SigningKey createLogWithGateway(Http http, Path dataDir) throws Exception {
        String admin = Files.readString(dataDir.resolve("auth/admin.token")).trim();
        HttpResponse<byte[]> created = http.post("logs", admin,
                ("{\"logId\":\"" + LOG_ID + "\",\"operatorName\":\"Crash Test\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals(201, created.statusCode(), Http.text(created));
        SigningKey root = SigningKey.fromPkcs8(KeyAlgorithm.ED25519,
                Base64.getDecoder().decode(Http.json(created).get("rootPrivateKeyPkcs8").asString()));
        SigningKey gateway = SigningKey.generate(KeyAlgorithm.ED25519);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<byte[]> registered = http.post("logs/" + LOG_ID + "/entries?wait=true", admin,
                TestLog.sign(Kinds.KEY_REGISTRATION, LedgerRecords.json(LedgerRecords.keyRegistration(
                        gateway.publicKey(), LOG_ID, "device", List.of(Kinds.METER_READING_BATCH),
                        now.minusSeconds(3600), null)), root));
        assertEquals(201, registered.statusCode(), Http.text(registered));
        return gateway;
    }

    /** Appends from {@link #LOAD_THREADS} threads, SIGKILLs the JVM mid-load; answers the last checkpoint seen. */
    private String loadThenKill(Http http, Process service, String submit, SigningKey gateway) throws Exception {
        AtomicReference<String> lastCheckpoint = new AtomicReference<>();
        List<Thread> load = new ArrayList<>();
        for (int t = 0; t < LOAD_THREADS; t++) {
            load.add(Thread.ofVirtual().start(() -> appendUntilGone(http, submit, gateway)));
        }
        load.add(Thread.ofVirtual().start(() -> {
            while (service.isAlive()) {
                try {
                    HttpResponse<byte[]> r = http.get("logs/" + LOG_ID + "/checkpoint", null);
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
        service.destroyForcibly(); // SIGKILL of the java process only: its postmaster is no child of it
        assertTrue(service.waitFor(30, TimeUnit.SECONDS));
        for (Thread t : load) {
            t.join(Duration.ofSeconds(30));
        }
        assertTrue(lastCheckpoint.get() != null, "no checkpoint was seen before the kill");
        return lastCheckpoint.get();
    }

    private void appendUntilGone(Http http, String submit, SigningKey gateway) {
        while (true) {
            try {
                byte[] envelope = TestLog.sign(Kinds.METER_READING_BATCH, TestLog.meterBatch("meter-1", "gw-crash",
                        sequence.getAndIncrement(), Instant.parse("2026-11-01T00:00:00Z"), 4), gateway);
                requests.incrementAndGet();
                HttpResponse<byte[]> r = http.post("logs/" + LOG_ID + "/entries", submit, envelope);
                if (r.statusCode() == 201) {
                    JsonNode receipt = Http.json(r);
                    String leafHash = receipt.get("leafHash").asString();
                    acked.put(leafHash, new Acked(receipt.get("index").asLong(), leafHash));
                }
            } catch (RuntimeException | org.cbamledger.signer.SignerException e) {
                return; // the server is gone
            }
        }
    }

    private void checkAfterRestart(Http http, String read, List<NoteVerifier> trusted, String lastSeen, int kill)
            throws Exception {
        Checkpoint before = CheckpointVerifier.verify(lastSeen, trusted, ORIGIN);
        long maxAcked = acked.values().stream().mapToLong(Acked::index).max().orElseThrow();
        Checkpoint after = awaitCheckpoint(http, trusted, Math.max(before.size(), maxAcked + 1));
        JsonNode proof = Http.json(http.get("logs/" + LOG_ID + "/proofs/consistency?from=" + before.size() + "&to="
                + after.size(), read));
        ConsistencyProofVerifier.verify(before.size(), after.size(), before.rootHash(), after.rootHash(),
                hashes(proof));
        for (Acked a : acked.values()) {
            JsonNode inclusion = Http.json(http.get("logs/" + LOG_ID + "/proofs/inclusion?index=" + a.index()
                    + "&treeSize=" + after.size(), read));
            InclusionProofVerifier.verify(a.index(), after.size(), HexFormat.of().parseHex(a.leafHash()),
                    hashes(inclusion), after.rootHash());
        }
        System.out.printf("crash test: kill %d: checkpoint %d before, %d after restart, consistent; %d acknowledged"
                + " so far%n", kill, before.size(), after.size(), acked.size());
    }

    private long lostReceipts(Http http, String read) {
        long lost = 0;
        for (Acked a : acked.values()) {
            HttpResponse<byte[]> entry = http.get("logs/" + LOG_ID + "/entries/" + a.index(), read);
            if (entry.statusCode() != 200 || !a.leafHash().equals(Http.json(entry).get("leafHash").asString())) {
                lost++;
            }
        }
        return lost;
    }

    private static List<byte[]> hashes(JsonNode proof) {
        List<byte[]> hashes = new ArrayList<>();
        proof.get("hashes").values().forEach(h -> hashes.add(Base64.getDecoder().decode(h.asString())));
        return hashes;
    }

    private static String readToken(Path dataDir) throws IOException {
        return TokenAuthority.load(dataDir, Clock.systemUTC())
                .mint("check", List.of(Scopes.read(LOG_ID)), Duration.ofMinutes(10));
    }

    /** The postmaster named by the embedded server's pid file, when that process is alive. */
    private static Optional<ProcessHandle> leftoverPostmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("pg/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().trim()))
                .filter(ProcessHandle::isAlive);
    }

    private static Checkpoint awaitCheckpoint(Http http, List<NoteVerifier> trusted, long minSize) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<byte[]> r = http.get("logs/" + LOG_ID + "/checkpoint", null);
            if (r.statusCode() == 200) {
                Checkpoint c = CheckpointVerifier.verify(Http.text(r), trusted, ORIGIN);
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

    /** {@code ./cbam serve} as a child JVM: no --db-url, so PostgreSQL runs embedded under the data directory. */
    private static Process startChild(Path dataDir, int port, String name) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx384m", "-cp", classpath, LedgerApplication.class.getName(),
                "--port", Integer.toString(port), "--host", "127.0.0.1", "--data-dir", dataDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(name + ".log").toFile())
                .start();
    }

    /** Waits until the process started at {@code startedAtNanos} answers /health, at most {@code limit} after it. */
    private static void awaitServing(Http http, Process process, long startedAtNanos, Duration limit)
            throws InterruptedException {
        long deadline = startedAtNanos + limit.toNanos();
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
            Thread.sleep(100);
        }
        throw new AssertionError("service did not serve within " + limit.toSeconds() + " s (load average "
                + loadAverage() + ")");
    }

    /** SIGTERM: the service's shutdown stops its PostgreSQL; a postmaster still left is stopped too. */
    private static void stop(Process service, Path dataDir) throws Exception {
        service.destroy();
        if (!service.waitFor(30, TimeUnit.SECONDS)) {
            service.destroyForcibly();
        }
        Optional<ProcessHandle> left = leftoverPostmaster(dataDir);
        if (left.isPresent()) {
            left.get().destroy();
            left.get().onExit().get(30, TimeUnit.SECONDS);
        }
    }

    /** The 1, 5 and 15 minute load averages (Linux): restart times depend on how busy the machine is. */
    private static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
