package org.cbamledger.service.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TestLog;
import org.cbamledger.signer.CosignatureSigner;
import org.cbamledger.signer.CosignatureVerifier;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SignedNote;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.verifier.VerificationReport;
import org.cbamledger.verifier.Verifier;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.policy.PolicyFile;
import org.cbamledger.verifier.policy.TrustPolicy;
import org.cbamledger.witness.KnownLogs;
import org.cbamledger.witness.Witness;
import org.cbamledger.witness.WitnessServer;
import org.cbamledger.witness.WitnessStateStore;
import org.cbamledger.witness.tsa.TimestampAuthority;
import org.cbamledger.witness.tsa.TsaServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service with two real witnesses and a real TSA on loopback. */
class WitnessedLogTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    private final SigningKey keyA = SigningKey.generate(KeyAlgorithm.ED25519);
    private final SigningKey keyB = SigningKey.generate(KeyAlgorithm.ED25519);
    private final List<AutoCloseable> running = new java.util.ArrayList<>();
    private TimestampAuthority tsa;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : running.reversed()) {
            c.close();
        }
    }

    private WitnessServer witness(String name, SigningKey key, int port) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Witness witness = new Witness(new CosignatureSigner(name, key), new KnownLogs(List.of(), dir),
                new WitnessStateStore(dir), Clock.systemUTC());
        WitnessServer server = new WitnessServer(witness, "127.0.0.1", port);
        running.add(server);
        return server;
    }

    private void knowLog(String logVkey) throws Exception {
        for (String name : List.of("witness-a", "witness-b")) {
            Files.writeString(tmp.resolve(name).resolve(KnownLogs.FILE), logVkey + "\n");
        }
    }

    private TsaServer tsa() throws Exception {
        tsa = TimestampAuthority.open(Files.createDirectories(tmp.resolve("tsa")), Clock.systemUTC());
        Files.writeString(tmp.resolve("tsa.pem"), tsa.certificatePem());
        TsaServer server = new TsaServer(tsa, "127.0.0.1", 0);
        running.add(server);
        return server;
    }

    private RunningService service(URI a, URI b, URI tsaUrl, Map<String, Object> more) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put("cbam.witness.urls", a + "," + b);
        config.put("cbam.witness.keys", vkey("witness-a", keyA) + "," + vkey("witness-b", keyB));
        config.put("cbam.witness.quorum", 2);
        config.put("cbam.witness.retry-interval", "100ms");
        config.put("cbam.witness.bundle-wait", "10s");
        config.put("cbam.tsa.urls", tsaUrl.toString());
        config.put("cbam.tsa.certificates", tmp.resolve("tsa.pem").toString());
        config.put("cbam.tsa.interval", "100ms");
        config.putAll(more);
        RunningService service = RunningService.start(config);
        running.add(service);
        return service;
    }

    private static String vkey(String name, SigningKey key) {
        return new CosignatureSigner(name, key).verifierKey();
    }

    private TrustPolicy policy(String logVkey) throws Exception {
        return PolicyFile.parse(PolicyFile.write(List.of(logVkey), List.of(),
                List.of(vkey("witness-a", keyA), vkey("witness-b", keyB)), 2, List.of(tsa.certificatePem()))
                .getBytes(StandardCharsets.UTF_8));
    }

    private VerificationReport verifyBundle(TestLog log, TrustPolicy policy, String name) throws Exception {
        HttpResponse<byte[]> zip = log.read("bundle");
        assertEquals(200, zip.statusCode(), Http.text(zip));
        Path file = Files.write(tmp.resolve(name + ".zip"), zip.body());
        return new Verifier().verify(file, policy);
    }

    /** The log's latest checkpoint once it covers {@code size} entries. */
    private static String latestCheckpoint(TestLog log, long size) throws Exception {
        for (int i = 0; i < 200; i++) {
            String note = Http.text(log.read("checkpoint"));
            if (Long.parseLong(note.split("\n")[1]) >= size) {
                return note;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no checkpoint of size " + size);
    }

    private static int cosignatures(String note) throws Exception {
        return SignedNote.parse(note).signatures().size() - 1;
    }

    @Test
    void checkpoints_gatherTwoCosignaturesAndATimestamp_andTheBundleVerifiesUnderTheQuorum() throws Exception {
        WitnessServer a = witness("witness-a", keyA, 0);
        WitnessServer b = witness("witness-b", keyB, 0);
        RunningService service = service(a.url(), b.url(), tsa().url(), Map.of());
        TestLog log = TestLog.create(service, "acme-witnessed");
        knowLog(log.logVerifierKey);
        log.registerKey("submitter", List.of("fuel-record"));

        HttpResponse<byte[]> witnessed = log.read("checkpoint?witnessed=true&wait=20s");
        assertEquals(200, witnessed.statusCode(), Http.text(witnessed));
        String note = Http.text(witnessed);
        assertEquals(2, org.cbamledger.signer.CosignatureVerifier.verifyAll(SignedNote.parse(note), List.of(
                CosignatureVerifier.parse(vkey("witness-a", keyA)), CosignatureVerifier.parse(vkey("witness-b", keyB))))
                .size());
        Thread.sleep(500); // a timestamp over the witnessed checkpoint

        VerificationReport report = verifyBundle(log, policy(log.logVerifierKey), "bundle");
        assertEquals(VerificationReport.Outcome.PASSED, report.outcome(), report.failures().toString());
        assertTrue(report.results().stream().anyMatch(r -> r.check().equals("witness-cosignature")
                && r.message().startsWith("cosigned by 2 pinned witness(es) of quorum 2")), report.results().toString());
        assertTrue(report.results().stream().anyMatch(r -> r.check().equals("existed-by")
                && r.status() == org.cbamledger.verifier.context.CheckStatus.PASS), report.results().toString());
    }

    @Test
    void aWitnessThatIsDown_delaysNoCheckpoint_andGetsTheNewestWhenBack() throws Exception {
        WitnessServer a = witness("witness-a", keyA, 0);
        int portB;
        try (ServerSocket free = new ServerSocket(0)) {
            portB = free.getLocalPort();
        }
        Files.createDirectories(tmp.resolve("witness-b"));
        RunningService service = service(a.url(), URI.create("http://127.0.0.1:" + portB + "/"), tsa().url(),
                Map.of("cbam.witness.bundle-wait", "1s"));
        TestLog log = TestLog.create(service, "acme-down");
        knowLog(log.logVerifierKey);
        for (int i = 0; i < 3; i++) {
            log.registerKey("submitter", List.of("fuel-record"));
        }
        long size = log.sequencedSize();
        assertEquals(404, log.read("checkpoint?witnessed=true&wait=1s").statusCode());
        assertEquals(400, log.read("checkpoint?witnessed=true&wait=31s").statusCode());
        String latest = Http.text(log.read("checkpoint?wait=0s"));
        assertTrue(latest.contains("\n" + size + "\n"), latest); // checkpoints went on without witness-b

        witness("witness-b", keyB, portB);
        HttpResponse<byte[]> witnessed = log.read("checkpoint?witnessed=true&wait=20s&minSize=" + size);
        assertEquals(200, witnessed.statusCode(), Http.text(witnessed));
        assertEquals(2, cosignatures(Http.text(witnessed)));
    }

    @Test
    void splitView_aSecondLogUnderTheSameOriginAndKey_isRefusedByTheWitnesses_andItsBundleFailsTheQuorum()
            throws Exception {
        WitnessServer a = witness("witness-a", keyA, 0);
        WitnessServer b = witness("witness-b", keyB, 0);
        URI tsaUrl = tsa().url();
        RunningService honest = service(a.url(), b.url(), tsaUrl, Map.of());
        TestLog log = TestLog.create(honest, "acme-split");
        knowLog(log.logVerifierKey);
        for (int i = 0; i < 4; i++) {
            log.registerKey("submitter", List.of("fuel-record"));
        }
        String witnessed = Http.text(log.read("checkpoint?witnessed=true&wait=20s&minSize=" + log.sequencedSize()));
        long witnessedSize = Long.parseLong(witnessed.split("\n")[1]);

        // the operator's other database: the same log id and origin, another history, the log key copied into it
        RunningService other = service(a.url(), b.url(), tsaUrl, Map.of("cbam.witness.bundle-wait", "2s"));
        TestLog fork = TestLog.create(other, "acme-split");
        other.close();
        running.remove(other);
        try (Connection c = DriverManager.getConnection(honest.jdbcUrl(), "postgres", "");
                Connection f = DriverManager.getConnection(other.jdbcUrl(), "postgres", "");
                PreparedStatement read = c.prepareStatement("select note_key_pkcs8 from logs where log_id = ?");
                PreparedStatement write = f.prepareStatement("update logs set note_key_pkcs8 = ? where log_id = ?")) {
            read.setString(1, "acme-split");
            try (ResultSet r = read.executeQuery()) {
                r.next();
                write.setBytes(1, r.getBytes(1));
            }
            write.setString(2, "acme-split");
            assertEquals(1, write.executeUpdate());
        }
        RunningService rewritten = service(a.url(), b.url(), tsaUrl,
                Map.of("cbam.db.url", other.jdbcUrl(), "cbam.witness.bundle-wait", "2s"));
        TestLog forked = TestLog.attach(rewritten, "acme-split", fork.rootKey, log.logVerifierKey);
        forked.registerKey("submitter", List.of("fuel-record"));
        String forkNote = latestCheckpoint(forked, forked.sequencedSize());
        long forkSize = Long.parseLong(forkNote.split("\n")[1]);
        assertTrue(forkSize < witnessedSize, forkSize + " < " + witnessedSize); // the fork is also a rollback

        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(a.url().resolve("add-checkpoint"))
                .POST(HttpRequest.BodyPublishers.ofString("old 0\n\n" + forkNote)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(409, refused.statusCode());
        assertTrue(Long.parseLong(refused.body().strip()) >= witnessedSize, refused.body());

        assertEquals(404, forked.read("checkpoint?witnessed=true&wait=1s").statusCode());
        VerificationReport forkReport = verifyBundle(forked, policy(log.logVerifierKey), "fork");
        assertEquals(VerificationReport.Outcome.FAILED, forkReport.outcome());
        CheckResult failure = forkReport.failures().stream().filter(r -> r.check().equals("witness-cosignature"))
                .findFirst().orElseThrow(() -> new AssertionError(forkReport.failures().toString()));
        assertEquals("cosigned by 0 pinned witness(es), the policy's quorum is 2", failure.message());
        VerificationReport honestReport = verifyBundle(log, policy(log.logVerifierKey), "honest");
        assertEquals(VerificationReport.Outcome.PASSED, honestReport.outcome(), honestReport.failures().toString());
    }
}
