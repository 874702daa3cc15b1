package org.cbamledger.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.signer.CanonicalJson;
import org.cbamledger.signer.DsseSignature;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.verifier.bundle.BundleWriter;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** room-access entries are written by the service: they verify only under the log's own key (CONTRACTS.md). */
class LogAuthoredEntryTest {
    private static final String FILE = "entries/2.json";

    @TempDir
    Path tmp;

    private final SigningKey logKey = SigningKey.generate(KeyAlgorithm.ED25519);
    private final TestLog log;

    LogAuthoredEntryTest() throws Exception {
        log = TestLog.started("acme-alu", logKey, SigningKey.generate(KeyAlgorithm.ED25519));
    }

    static ObjectNode roomAccess() {
        ObjectNode record = TestLog.record("room-access").put("roomId", "room-2026q1").put("accessedAt", "2026-04-02T09:15:30Z");
        record.putObject("principal").put("subject", "importer-client-7").put("partyId", "eu-importer-de")
                .put("role", "importer");
        record.putObject("request").put("method", "GET").put("path", "/rooms/room-2026q1/statements");
        record.putObject("resource").put("type", "statements").putNull("id");
        record.put("outcome", "granted").put("status", 200).putNull("reason");
        return record;
    }

    /** The contract's key id of the log key: SHA-256 of its vkey line, computed here apart from LogKeys. */
    private String logEntryKeyId() throws Exception {
        byte[] vkey = log.logSigner.verifierKey().getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(vkey));
    }

    private static Envelope signedAs(ObjectNode record, String keyId, SigningKey key) throws Exception {
        String payloadType = Envelope.payloadTypeFor(record.get("kind").stringValue());
        byte[] payload = CanonicalJson.canonicalize(record);
        byte[] pae = new Envelope(payloadType, payload, List.of()).pae();
        return new Envelope(payloadType, payload, List.of(new DsseSignature(keyId, key.sign(pae))));
    }

    private VerificationReport verify(List<NoteVerifier> pinnedLogKeys) throws Exception {
        long size = log.size();
        Path dir = tmp.resolve("bundle-" + (pinnedLogKeys.isEmpty() ? "unpinned" : "pinned"));
        BundleWriter writer = new BundleWriter(dir);
        writer.logInfo(log.logId, log.origin, List.of(log.logSigner.verifierKey()));
        writer.addCheckpoint(size, log.checkpoint(size));
        for (long i = 0; i < size; i++) {
            writer.addEntry(i, log.entry(i), log.inclusionProof(i, size));
        }
        writer.finish();
        return new Verifier().verify(dir, pinnedLogKeys);
    }

    private static CheckResult signatureResult(VerificationReport report, String file) {
        List<CheckResult> found = report.results().stream()
                .filter(r -> r.check().equals("entry-signature") && r.subject().equals(file)).toList();
        assertEquals(1, found.size(), report.results()::toString);
        return found.getFirst();
    }

    @Test
    void verify_acceptsARoomAccessEntrySignedByTheLogKey() throws Exception {
        log.append(signedAs(roomAccess(), logEntryKeyId(), logKey));

        VerificationReport unpinned = verify(List.of());
        VerificationReport pinned = verify(List.of(NoteVerifier.parse(log.logSigner.verifierKey())));

        assertTrue(unpinned.passed(), unpinned.failures()::toString);
        assertTrue(pinned.passed(), pinned.failures()::toString);
        assertEquals(CheckStatus.PASS, signatureResult(pinned, FILE).status());
        assertEquals("written by the log, signed by its log key", signatureResult(pinned, FILE).message());
    }

    @Test
    void verify_rejectsARoomAccessEntrySignedByTheRegisteredRootKey() throws Exception {
        log.append(TestLog.sign(roomAccess(), log.rootKey));

        CheckResult result = signatureResult(verify(List.of()), FILE);

        assertEquals(CheckStatus.FAIL, result.status());
        assertEquals("room-access entries are written by the log only: signature by key " + log.rootKey.keyId()
                + " is not by the log key (entry key id " + logEntryKeyId() + ")", result.message());
    }

    @Test
    void verify_rejectsTheLogKeyUnderItsSubjectPublicKeyInfoKeyId() throws Exception {
        log.append(signedAs(roomAccess(), logKey.keyId(), logKey));

        CheckResult result = signatureResult(verify(List.of()), FILE);

        assertEquals(CheckStatus.FAIL, result.status());
        assertTrue(result.message().startsWith("room-access entries are written by the log only"), result.message());
    }

    @Test
    void verify_rejectsAnotherKeySigningUnderTheLogKeyId() throws Exception {
        log.append(signedAs(roomAccess(), logEntryKeyId(), SigningKey.generate(KeyAlgorithm.ED25519)));

        CheckResult result = signatureResult(verify(List.of()), FILE);

        assertEquals(CheckStatus.FAIL, result.status());
        assertEquals("signature by the log key " + logEntryKeyId() + " does not verify", result.message());
    }

    @Test
    void verify_rejectsARoomAccessEntryAlsoSignedByTheRootKey() throws Exception {
        Envelope byLog = signedAs(roomAccess(), logEntryKeyId(), logKey);
        Envelope byRoot = TestLog.sign(roomAccess(), log.rootKey);
        log.append(new Envelope(byLog.payloadType(), byLog.payload(),
                List.of(byLog.signatures().getFirst(), byRoot.signatures().getFirst())));

        CheckResult result = signatureResult(verify(List.of()), FILE);

        assertEquals(CheckStatus.FAIL, result.status());
        assertTrue(result.message().contains("signature by key " + log.rootKey.keyId()), result.message());
    }

    @Test
    void verify_rejectsACorrectionThatReplacesWithARoomAccessRecord() throws Exception {
        ObjectNode correction = TestLog.record("correction")
                .put("supersedesLeafHash", "00".repeat(32)).put("reason", "forged access record");
        correction.set("replacement", roomAccess());
        log.append(TestLog.sign(correction, log.rootKey));

        VerificationReport report = verify(List.of());

        assertFalse(report.passed());
        assertEquals("a correction cannot replace a room-access record: only the log writes those",
                signatureResult(report, FILE).message());
    }

    @Test
    void verify_rejectsACorrectionThatReplacesAGoCancellation() throws Exception {
        ObjectNode correction = TestLog.record("correction")
                .put("supersedesLeafHash", "00".repeat(32)).put("reason", "the same serials, claimed around the map");
        try (var in = LogAuthoredEntryTest.class.getResourceAsStream("/vectors/records/valid/go-cancellation.json")) {
            correction.set("replacement", JsonMappers.PLAIN.readTree(in));
        }
        log.append(TestLog.sign(correction, log.rootKey));

        VerificationReport report = verify(List.of());

        assertFalse(report.passed());
        assertEquals("a correction cannot replace a go-cancellation record: a claim is final",
                signatureResult(report, FILE).message());
    }
}
