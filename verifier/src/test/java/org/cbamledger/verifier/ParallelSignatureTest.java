package org.cbamledger.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.LongPredicate;
import org.cbamledger.signer.DsseSignature;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.verifier.bundle.BundleWriter;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
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

    /** Within the first signature batch (1,024 entries): a second gateway's registration, use, revocation and reuse. */
    static final long BEFORE_REGISTRATION = 250;
    static final long REGISTERED = 300;
    static final long REVOKED = 400;
    static final long USED_AFTER_REVOCATION = 451;
    static final long USED_AGAIN = 701;

    /** A registration whose signature does not verify, and batches by the key it carries, in its scan batch and after. */
    static final long FORGED_REGISTRATION = 300;
    static final long USED_IN_ITS_BATCH = 301;
    static final long USED_LATER = 900;

    @TempDir
    static Path tmp;

    static Path bundle;
    static Path keyChangesBundle;
    static Path forgedRegistrationBundle;
    static String forgedKeyId;
    static String rootKeyId;
    static String gatewayKeyId;
    static String secondKeyId;

    @BeforeAll
    static void writeBundle() throws Exception {
        SigningKey gateway = SigningKey.generate(KeyAlgorithm.ED25519);
        gatewayKeyId = gateway.keyId();
        TestLog log = TestLog.withGateway(gateway);
        while (log.size() < SIZE) {
            Envelope batch = TestLog.sign(TestLog.readingBatch("M-1", log.size(), "ab".repeat(32)), gateway);
            long index = log.size();
            log.append(index == PACK_ONE_BAD || index == PACK_TWO_BAD || index == SIZE - 1 ? withOthersSignature(batch,
                    gateway) : batch);
        }
        bundle = write(log, tmp.resolve("bundle"), i -> true);
        keyChangesBundle = write(keyChangesLog(gateway), tmp.resolve("key-changes"), i -> true);
        forgedRegistrationBundle = write(forgedRegistrationLog(gateway), tmp.resolve("forged"), i -> true);
    }

    /**
     * The root key's registration of a third key, carrying the root's valid signature over another registration:
     * well formed, so the entry scan learns the key it carries and checks the batches it signs, but registers nothing.
     */
    private static TestLog forgedRegistrationLog(SigningKey gateway) throws Exception {
        SigningKey third = SigningKey.generate(KeyAlgorithm.ED25519);
        forgedKeyId = third.keyId();
        TestLog log = TestLog.withGateway(gateway);
        rootKeyId = log.rootKey.keyId();
        while (log.size() < SIZE) {
            long index = log.size();
            if (index == FORGED_REGISTRATION) {
                Envelope registration = TestLog.sign(TestLog.registration(third, "acme", "device",
                        "meter-reading-batch"), log.rootKey);
                Envelope other = TestLog.sign(TestLog.registration(gateway, "acme", "device", "meter-reading-batch"),
                        log.rootKey);
                log.append(new Envelope(registration.payloadType(), registration.payload(), other.signatures()));
            } else {
                boolean byThird = index == USED_IN_ITS_BATCH || index == USED_LATER;
                log.append(TestLog.sign(TestLog.readingBatch("M-1", index, "ab".repeat(32)), byThird ? third : gateway));
            }
        }
        return log;
    }

    /**
     * Batches by the gateway, and by a second gateway key: once before its registration, between its registration
     * and its revocation, and twice after the revocation; all of it within one signature batch.
     */
    private static TestLog keyChangesLog(SigningKey gateway) throws Exception {
        SigningKey second = SigningKey.generate(KeyAlgorithm.ED25519);
        secondKeyId = second.keyId();
        TestLog log = TestLog.withGateway(gateway);
        while (log.size() < SIZE) {
            long index = log.size();
            if (index == REGISTERED) {
                log.append(TestLog.sign(TestLog.registration(second, "acme", "device", "meter-reading-batch"),
                        log.rootKey));
            } else if (index == REVOKED) {
                log.append(TestLog.sign(TestLog.revocation(second), log.rootKey));
            } else {
                boolean bySecond = index == BEFORE_REGISTRATION || index > REGISTERED && index < REVOKED
                        || index == USED_AFTER_REVOCATION || index == USED_AGAIN;
                log.append(TestLog.sign(TestLog.readingBatch("M-1", index, "ab".repeat(32)), bySecond ? second : gateway));
            }
        }
        return log;
    }

    /** The log as a v2 bundle covering all of it, holding the entries {@code include} accepts. */
    static Path write(TestLog log, Path dir, LongPredicate include) throws Exception {
        BundleWriter writer = BundleWriter.v2(new DirectorySink(dir), log.tree());
        writer.logInfo(log.logId, log.origin, List.of(log.logSigner.verifierKey()));
        writer.addCheckpoint(log.size(), log.checkpoint(log.size()));
        for (long i = 0; i < log.size(); i++) {
            if (include.test(i)) {
                writer.addEntry(i, log.entry(i));
            }
        }
        writer.cover(new Coverage.Range(0, log.size()));
        writer.finish();
        return dir;
    }

    /** The entry as logged, but carrying the gateway's valid signature over another batch: well formed, not valid. */
    private static Envelope withOthersSignature(Envelope entry, SigningKey gateway) throws Exception {
        Envelope other = TestLog.sign(TestLog.readingBatch("M-2", 0, "cd".repeat(32)), gateway);
        DsseSignature sig = other.signatures().getFirst();
        return new Envelope(entry.payloadType(), entry.payload(), List.of(sig));
    }

    private static VerificationReport verifyOn(int threads) throws Exception {
        return verifyOn(bundle, threads);
    }

    private static VerificationReport verifyOn(Path bundle, int threads) throws Exception {
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

    @Test
    void keyRegisteredUsedRevokedAndUsedAgainInOneBatch_failsExactlyTheUnregisteredAndRevokedUses() throws Exception {
        for (int threads : new int[] {1, 2, 4}) {
            VerificationReport report = verifyOn(keyChangesBundle, threads);

            assertEquals(List.of(
                            CheckResult.fail("entry-signature", report.manifest().leafSubject(BEFORE_REGISTRATION),
                                    "no signature by a key registered before index " + BEFORE_REGISTRATION
                                            + " in this bundle (key ids " + secondKeyId + ")"),
                            CheckResult.fail("entry-signature", report.manifest().leafSubject(USED_AFTER_REVOCATION),
                                    "key " + secondKeyId + " was revoked at index " + REVOKED + ", before this entry"),
                            CheckResult.fail("entry-signature", report.manifest().leafSubject(USED_AGAIN),
                                    "key " + secondKeyId + " was revoked at index " + REVOKED + ", before this entry")),
                    report.failures(), () -> threads + " threads: " + ReportAssertions.describe(report));
            assertTrue(report.results().stream().anyMatch(r -> r.status() == CheckStatus.PASS
                    && r.subject().equals(report.manifest().leafSubject(REVOKED - 1)) && r.check().equals("entry-signature")),
                    () -> ReportAssertions.describe(report));
        }
        assertEquals(verifyOn(keyChangesBundle, 1).results(), verifyOn(keyChangesBundle, 4).results());
    }

    @Test
    void aRegistrationWhoseSignatureFails_registersNothing_thoughItsKeySignsLaterBatchesValidly() throws Exception {
        for (int threads : new int[] {1, 2}) {
            VerificationReport report = verifyOn(forgedRegistrationBundle, threads);

            assertEquals(List.of(
                            CheckResult.fail("entry-signature", report.manifest().leafSubject(FORGED_REGISTRATION),
                                    "signature by key " + rootKeyId + " does not verify"),
                            CheckResult.fail("entry-signature", report.manifest().leafSubject(USED_IN_ITS_BATCH),
                                    "no signature by a key registered before index " + USED_IN_ITS_BATCH
                                            + " in this bundle (key ids " + forgedKeyId + ")"),
                            CheckResult.fail("entry-signature", report.manifest().leafSubject(USED_LATER),
                                    "no signature by a key registered before index " + USED_LATER
                                            + " in this bundle (key ids " + forgedKeyId + ")")),
                    report.failures(), () -> threads + " threads: " + ReportAssertions.describe(report));
        }
    }
}
