package org.cbamledger.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.Kinds;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** A correction's signer must be allowed the kind of its replacement too, not only corrections (CONTRACTS.md). */
class CorrectionAuthorshipTest {
    private static final String CORRECTION_FILE = "entries/7.json";

    @TempDir
    Path tmp;

    /** The standard log (entries 0-5), a submitter key allowed {@code allowedKinds} (6), its correction of a batch (7). */
    private VerificationReport verifyCorrectionBy(String... allowedKinds) throws Exception {
        TestBundles fixture = new TestBundles();
        SigningKey submitter = SigningKey.generate(KeyAlgorithm.ED25519);
        fixture.log.append(TestLog.sign(TestLog.registration(submitter, "acme", "submitter", allowedKinds),
                fixture.log.rootKey));
        ObjectNode correction = TestLog.record(Kinds.CORRECTION)
                .put("supersedesLeafHash", "00".repeat(32)).put("reason", "register scale was wrong");
        correction.set("replacement", TestLog.readingBatch("M-1", 1, fixture.documentSha256));
        fixture.log.append(TestLog.sign(correction, submitter));
        return new Verifier().verify(VerifierTest.writeAll(fixture, tmp.resolve("b")), List.of());
    }

    private static CheckResult signatureResult(VerificationReport report) {
        List<CheckResult> found = report.results().stream()
                .filter(r -> r.check().equals("entry-signature") && r.subject().equals(CORRECTION_FILE)).toList();
        assertEquals(1, found.size(), report.results()::toString);
        return found.getFirst();
    }

    @Test
    void verify_rejectsACorrectionByAKeyNotAllowedTheReplacementKind() throws Exception {
        VerificationReport report = verifyCorrectionBy(Kinds.CORRECTION, Kinds.METER);

        assertFalse(report.passed());
        CheckResult result = signatureResult(report);
        assertEquals(CheckStatus.FAIL, result.status());
        assertTrue(result.message().endsWith("(acme, submitter) may not sign meter-reading-batch, the record this"
                + " correction puts in place"), result.message());
    }

    @Test
    void verify_acceptsACorrectionByAKeyAllowedBothKinds() throws Exception {
        VerificationReport report = verifyCorrectionBy(Kinds.CORRECTION, Kinds.METER_READING_BATCH);

        assertEquals(CheckStatus.PASS, signatureResult(report).status(), signatureResult(report).message());
    }
}
