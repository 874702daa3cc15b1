package org.cbamledger.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cbamledger.signer.CanonicalJson;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.DsseSignature;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.NoteSigner;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.signer.SignedNote;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.Kinds;
import org.cbamledger.verifier.VerifyCommandTest.Run;
import org.cbamledger.verifier.bundle.BundleWriter;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
import org.cbamledger.verifier.context.LogKeys;
import org.cbamledger.verifier.policy.PinnedLogKey;
import org.cbamledger.verifier.policy.PolicyFile;
import org.cbamledger.verifier.policy.TrustPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * Log-key rotation as a log-authored entry (api-spec/POLICY.md): a verifier pinning only the old key accepts
 * checkpoints signed by the new key from the rotation's fromSize on, when the bundle carries a rotation signed by
 * both keys it names; forged or missing rotations leave the new key untrusted.
 */
class LogKeyRotationTest {
    private static final String ROTATION_FILE = "entries/2.json";
    /** The rotation is entry 2; checkpoint 3 (the overlap) carries both signatures, checkpoint 5 the new key's only. */
    private static final long FROM_SIZE = 3;
    private static final long NEW_ONLY_FROM = 5;

    @TempDir
    Path tmp;

    private final SigningKey oldKey = SigningKey.generate(KeyAlgorithm.ED25519);
    private final SigningKey newKey = SigningKey.generate(KeyAlgorithm.ED25519);
    private final SigningKey strangerKey = SigningKey.generate(KeyAlgorithm.ED25519);
    private final TestLog log;
    private final NoteSigner oldSigner;
    private final NoteSigner newSigner;

    LogKeyRotationTest() throws Exception {
        log = TestLog.started("acme-alu", oldKey, SigningKey.generate(KeyAlgorithm.ED25519));
        oldSigner = log.logSigner;
        newSigner = new NoteSigner(log.origin, newKey);
    }

    static ObjectNode rotation(NoteSigner from, NoteSigner to, long fromSize) {
        return TestLog.record(Kinds.LOG_KEY_ROTATION).put("oldKey", from.verifierKey()).put("newKey", to.verifierKey())
                .put("fromSize", fromSize);
    }

    /** Signs under each claimed signer's log entry key id (SHA-256 of its vkey line) with the actual key. */
    private static Envelope signedAs(ObjectNode record, List<NoteSigner> claimed, List<SigningKey> actual)
            throws Exception {
        String payloadType = Envelope.payloadTypeFor(record.get("kind").stringValue());
        byte[] payload = CanonicalJson.canonicalize(record);
        byte[] pae = new Envelope(payloadType, payload, List.of()).pae();
        List<DsseSignature> signatures = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            signatures.add(new DsseSignature(LogKeys.entryKeyId(NoteVerifier.parse(claimed.get(i).verifierKey())),
                    actual.get(i).sign(pae)));
        }
        return new Envelope(payloadType, payload, signatures);
    }

    /** The log goes on after the rotation: a gateway registered by the root, one of its batches. */
    private void appendEvidence() throws Exception {
        SigningKey gateway = SigningKey.generate(KeyAlgorithm.ED25519);
        log.append(TestLog.sign(TestLog.registration(gateway, "acme", "device", "meter-reading-batch"), log.rootKey));
        log.append(TestLog.sign(TestLog.readingBatch("M-1", 1, "ab".repeat(32)), gateway));
    }

    /** Checkpoints below {@code bothFrom} by the old key, up to {@code newOnlyFrom} by both, then by the new key. */
    private void signCheckpoints(long bothFrom, long newOnlyFrom) {
        log.notes = note -> {
            try {
                String text = SignedNote.parse(note).text();
                long size = Checkpoint.parse(text).size();
                if (size >= newOnlyFrom) {
                    return NoteSigner.sign(text, newSigner);
                }
                return size >= bothFrom ? NoteSigner.sign(text, oldSigner, newSigner) : note;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private Path bundle(String name) throws Exception {
        long size = log.size();
        Path dir = tmp.resolve(name);
        BundleWriter writer = new BundleWriter(dir);
        writer.logInfo(log.logId, log.origin, List.of(oldSigner.verifierKey()));
        for (long s : List.of(2L, 3L, size)) {
            writer.addCheckpoint(s, log.checkpoint(s));
        }
        writer.addConsistency(2, 3, log.consistencyProof(2, 3));
        writer.addConsistency(3, size, log.consistencyProof(3, size));
        for (long i = 0; i < size; i++) {
            writer.addEntry(i, log.entry(i), log.inclusionProof(i, size));
        }
        writer.finish();
        return dir;
    }

    private VerificationReport verifyPinningOld(Path bundle) throws Exception {
        return new Verifier().verify(bundle, List.of(NoteVerifier.parse(oldSigner.verifierKey())));
    }

    private static CheckResult result(VerificationReport report, String check, String subject) {
        List<CheckResult> found = report.results().stream()
                .filter(r -> r.check().equals(check) && r.subject().equals(subject)).toList();
        assertEquals(1, found.size(), report.results()::toString);
        return found.getFirst();
    }

    private void rotateAndGoOn(Envelope rotationEntry) throws Exception {
        log.append(rotationEntry);
        appendEvidence();
        signCheckpoints(FROM_SIZE, NEW_ONLY_FROM);
    }

    @Test
    void bundleAcrossTheRotation_verifiesWithOnlyTheOldKeyPinned() throws Exception {
        rotateAndGoOn(signedAs(rotation(oldSigner, newSigner, FROM_SIZE), List.of(oldSigner, newSigner),
                List.of(oldKey, newKey)));
        Path bundle = bundle("rotated");

        VerificationReport report = verifyPinningOld(bundle);

        assertTrue(report.passed(), report.failures()::toString);
        assertEquals("log key rotation signed by the trusted old key and the new key it names",
                result(report, "entry-signature", ROTATION_FILE).message());
        assertEquals(CheckStatus.PASS, result(report, "checkpoint-signature", "checkpoints/5.note").status());
        Run run = VerifyCommandTest.run("verify", bundle.toString(), "--log-key", oldSigner.verifierKey());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        Path policy = Files.writeString(tmp.resolve("policy.json"), PolicyFile.write(List.of(oldSigner.verifierKey()),
                List.of(log.rootKey.keyId()), List.of(), 0, List.of()));
        Run underPolicy = VerifyCommandTest.run("verify", bundle.toString(), "--policy", policy.toString());
        assertEquals(0, underPolicy.exitCode(), underPolicy.out() + underPolicy.err());
        assertTrue(underPolicy.out().contains("Result: PASSED"), underPolicy.out());
    }

    @Test
    void oldKeyRetiredByThePolicy_stillHandsOverThroughTheRotation() throws Exception {
        rotateAndGoOn(signedAs(rotation(oldSigner, newSigner, FROM_SIZE), List.of(oldSigner, newSigner),
                List.of(oldKey, newKey)));
        TrustPolicy policy = new TrustPolicy(
                List.of(new PinnedLogKey(NoteVerifier.parse(oldSigner.verifierKey()), 0, NEW_ONLY_FROM)), Set.of(),
                List.of(), 0, List.of());

        VerificationReport report = new Verifier().verify(bundle("retired"), policy);

        assertTrue(report.passed(), report.failures()::toString);
    }

    @Test
    void rotationSignedOnlyByTheNewKey_failsAndLeavesTheNewKeyUntrusted() throws Exception {
        rotateAndGoOn(signedAs(rotation(oldSigner, newSigner, FROM_SIZE), List.of(newSigner), List.of(newKey)));

        VerificationReport report = verifyPinningOld(bundle("new-only"));

        assertFalse(report.passed());
        assertTrue(result(report, "entry-signature", ROTATION_FILE).message()
                .startsWith("log key rotation must be signed by both the old and the new key it names, it carries 1"),
                report.failures()::toString);
        assertEquals(CheckStatus.FAIL, result(report, "checkpoint-signature", "checkpoints/5.note").status());
    }

    @Test
    void rotationSignedByAKeyItDoesNotName_fails() throws Exception {
        NoteSigner stranger = new NoteSigner(log.origin, strangerKey);
        Envelope forged = signedAs(rotation(oldSigner, newSigner, FROM_SIZE), List.of(oldSigner, stranger),
                List.of(oldKey, strangerKey));
        rotateAndGoOn(forged);

        VerificationReport report = verifyPinningOld(bundle("stranger"));

        assertFalse(report.passed());
        assertTrue(result(report, "entry-signature", ROTATION_FILE).message().contains(
                "which is neither the old nor the new key it names"), report.failures()::toString);
        assertEquals(CheckStatus.FAIL, result(report, "checkpoint-signature", "checkpoints/5.note").status());
    }

    @Test
    void rotationNamingANewKeyThatDidNotSign_fails() throws Exception {
        // the signature claims the new key's entry key id but is made by another key
        rotateAndGoOn(signedAs(rotation(oldSigner, newSigner, FROM_SIZE), List.of(oldSigner, newSigner),
                List.of(oldKey, strangerKey)));

        VerificationReport report = verifyPinningOld(bundle("unsigned-new"));

        assertFalse(report.passed());
        assertTrue(result(report, "entry-signature", ROTATION_FILE).message().endsWith("does not verify"),
                report.failures()::toString);
        assertEquals(CheckStatus.FAIL, result(report, "checkpoint-signature", "checkpoints/5.note").status());
    }

    @Test
    void rotationFromAKeyThatIsNotPinned_handsNothingOver() throws Exception {
        NoteSigner operatorsOwn = new NoteSigner(log.origin, strangerKey);
        rotateAndGoOn(signedAs(rotation(operatorsOwn, newSigner, FROM_SIZE), List.of(operatorsOwn, newSigner),
                List.of(strangerKey, newKey)));

        VerificationReport report = verifyPinningOld(bundle("unpinned-old"));

        assertFalse(report.passed());
        assertTrue(result(report, "entry-signature", ROTATION_FILE).message().contains("which is not a trusted log key"),
                report.failures()::toString);
        assertEquals(CheckStatus.FAIL, result(report, "checkpoint-signature", "checkpoints/5.note").status());
    }

    @Test
    void checkpointSignedByTheNewKeyOnly_withoutARotation_failsUnderTheOldPin() throws Exception {
        log.append(TestLog.sign(TestLog.record("party").put("partyId", "acme-2").put("name", "ACME 2"), log.rootKey));
        appendEvidence();
        signCheckpoints(FROM_SIZE, NEW_ONLY_FROM);

        VerificationReport report = verifyPinningOld(bundle("no-rotation"));

        assertFalse(report.passed());
        assertEquals(CheckStatus.PASS, result(report, "checkpoint-signature", "checkpoints/3.note").status());
        assertEquals(CheckStatus.FAIL, result(report, "checkpoint-signature", "checkpoints/5.note").status());
    }

    @Test
    void newKeyAloneBelowTheRotationsFromSize_fails() throws Exception {
        rotateAndGoOn(signedAs(rotation(oldSigner, newSigner, NEW_ONLY_FROM), List.of(oldSigner, newSigner),
                List.of(oldKey, newKey)));
        signCheckpoints(FROM_SIZE, FROM_SIZE); // checkpoint 3 by the new key alone, before size 5

        VerificationReport report = verifyPinningOld(bundle("early"));

        assertFalse(report.passed());
        assertEquals(CheckStatus.FAIL, result(report, "checkpoint-signature", "checkpoints/3.note").status());
        assertEquals(CheckStatus.PASS, result(report, "checkpoint-signature", "checkpoints/5.note").status());
    }

    @Test
    void chainOfTwoRotations_handsTheOldPinOverToTheLastKey() throws Exception {
        NoteSigner middle = new NoteSigner(log.origin, strangerKey);
        log.append(signedAs(rotation(oldSigner, middle, FROM_SIZE), List.of(oldSigner, middle),
                List.of(oldKey, strangerKey)));
        log.append(signedAs(rotation(middle, newSigner, 4), List.of(middle, newSigner), List.of(strangerKey, newKey)));
        appendEvidence();
        signCheckpoints(NEW_ONLY_FROM, NEW_ONLY_FROM);

        VerificationReport report = verifyPinningOld(bundle("chain"));

        assertTrue(report.passed(), report.failures()::toString);
        assertEquals(CheckStatus.PASS, result(report, "entry-signature", "entries/3.json").status());
    }
}
