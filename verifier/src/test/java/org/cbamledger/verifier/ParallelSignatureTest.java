package org.cbamledger.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.cbamledger.signer.DsseSignature;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.verifier.bundle.BundleWriter;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.bundle.Coverage;
import org.cbamledger.verifier.bundle.DirectorySink;
import org.cbamledger.verifier.bundle.EntryPack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entries' signatures are checked on all processors, and the report is still the sequential walk's: a bad signature
 * in any pack, the last entry's included, is named by its own leaf and no other, in the same order and words.
 */
class ParallelSignatureTest {
    static final long PACK_ONE_BAD = 700;
    static final long PACK_TWO_BAD = EntryPack.MAX_ENTRIES + 5;
    static final long SIZE = EntryPack.MAX_ENTRIES + 600;

    @TempDir
    static Path tmp;

    static Path bundle;
    static String gatewayKeyId;

    @BeforeAll
    static void writeBundle() throws Exception {
        SigningKey gateway = SigningKey.generate(KeyAlgorithm.ED25519);
        gatewayKeyId = gateway.keyId();
        TestLog log = TestLog.started("acme-alu");
        log.append(TestLog.sign(TestLog.registration(gateway, "acme", "device", "meter-reading-batch"), log.rootKey));
        while (log.size() < SIZE) {
            Envelope batch = TestLog.sign(TestLog.readingBatch("M-1", log.size(), "ab".repeat(32)), gateway);
            long index = log.size();
            log.append(index == PACK_ONE_BAD || index == PACK_TWO_BAD || index == SIZE - 1 ? withOthersSignature(batch,
                    gateway) : batch);
        }
        bundle = tmp.resolve("bundle");
        BundleWriter writer = BundleWriter.v2(new DirectorySink(bundle), log.tree());
        writer.logInfo(log.logId, log.origin, List.of(log.logSigner.verifierKey()));
        writer.addCheckpoint(log.size(), log.checkpoint(log.size()));
        for (long i = 0; i < log.size(); i++) {
            writer.addEntry(i, log.entry(i));
        }
        writer.cover(new Coverage.Range(0, log.size()));
        writer.finish();
    }

    /** The entry as logged, but carrying the gateway's valid signature over another batch: well formed, not valid. */
    private static Envelope withOthersSignature(Envelope entry, SigningKey gateway) throws Exception {
        Envelope other = TestLog.sign(TestLog.readingBatch("M-2", 0, "cd".repeat(32)), gateway);
        DsseSignature sig = other.signatures().getFirst();
        return new Envelope(entry.payloadType(), entry.payload(), List.of(sig));
    }

    private static VerificationReport verifyOn(int threads) throws Exception {
        try (ForkJoinPool pool = new ForkJoinPool(threads)) {
            return pool.submit(() -> new Verifier().verify(bundle, List.of())).get();
        }
    }

    @Test
    void badSignaturesInEveryPack_failNamingExactlyTheirLeaves() throws Exception {
        VerificationReport report = verifyOn(4);

        assertFalse(report.passed());
        List<CheckResult> failures = report.failures();
        assertEquals(List.of(
                        CheckResult.fail("entry-signature", report.manifest().leafSubject(PACK_ONE_BAD),
                                "signature by key " + gatewayKeyId + " does not verify"),
                        CheckResult.fail("entry-signature", report.manifest().leafSubject(PACK_TWO_BAD),
                                "signature by key " + gatewayKeyId + " does not verify"),
                        CheckResult.fail("entry-signature", report.manifest().leafSubject(SIZE - 1),
                                "signature by key " + gatewayKeyId + " does not verify")),
                failures.stream().filter(f -> f.check().equals("entry-signature")).toList(),
                () -> ReportAssertions.describe(report));
        assertEquals(3, failures.size(), () -> ReportAssertions.describe(report));
    }

    @Test
    void theReportIsTheSameOnOneThreadAndOnMany_runToRun() throws Exception {
        VerificationReport sequential = verifyOn(1);

        assertEquals(sequential.results(), verifyOn(4).results());
        assertEquals(sequential.results(), verifyOn(3).results());
    }
}
