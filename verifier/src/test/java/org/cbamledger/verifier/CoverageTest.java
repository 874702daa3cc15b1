package org.cbamledger.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.verifier.bundle.BundleWriter;
import org.cbamledger.verifier.bundle.Coverage;
import org.cbamledger.verifier.check.CoverageCheck;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A range bundle holds every leaf of its range (issue 12, completeness): a log of 30 entries (party, root key, a
 * gateway key, 27 reading batches), bundled whole, then with each one entry left out: its entry file, its proof and
 * its manifest line.
 */
class CoverageTest {
    static final int SIZE = 30;

    @TempDir
    static Path tmp;

    static TestLog log;

    @BeforeAll
    static void startLog() throws Exception {
        SigningKey gateway = SigningKey.generate(KeyAlgorithm.ED25519);
        log = TestLog.withGateway(gateway);
        for (long seq = 1; log.size() < SIZE; seq++) {
            log.append(TestLog.sign(TestLog.readingBatch("M-1", seq, "0".repeat(64)), gateway));
        }
    }

    /** A bundle of the whole log stating {@code coverage} (null: none), without the entry at {@code dropped}. */
    static Path bundle(String name, Coverage coverage, long dropped) throws Exception {
        Path dir = tmp.resolve(name);
        BundleWriter writer = new BundleWriter(dir);
        writer.logInfo(log.logId, log.origin, List.of(log.logSigner.verifierKey()));
        writer.addCheckpoint(SIZE, log.checkpoint(SIZE));
        for (long i = 0; i < SIZE; i++) {
            if (i != dropped) {
                writer.addEntry(i, log.entry(i), log.inclusionProof(i, SIZE));
            }
        }
        if (coverage != null) {
            writer.cover(coverage);
        }
        writer.finish();
        return dir;
    }

    static Stream<Long> everyIndex() {
        return LongStream.range(0, SIZE).boxed();
    }

    @Test
    void fullLogBundle_passesAndRecomputesTheRoot() throws Exception {
        VerificationReport report = new Verifier().verify(bundle("whole", new Coverage.Range(0, SIZE), -1), List.of());
        assertTrue(report.passed(), () -> report.failures().toString());
        CheckResult coverage = report.results().stream().filter(r -> r.check().equals(CoverageCheck.NAME))
                .findFirst().orElseThrow();
        assertEquals(CheckStatus.PASS, coverage.status());
        assertTrue(coverage.message().contains("recompute the checkpoint's root hash"), coverage.message());
    }

    @ParameterizedTest(name = "entry {0} left out")
    @MethodSource("everyIndex")
    void fullLogBundle_withAnyOneEntryLeftOut_failsNamingItsIndex(long dropped) throws Exception {
        VerificationReport report =
                new Verifier().verify(bundle("without-" + dropped, new Coverage.Range(0, SIZE), dropped), List.of());
        assertFalse(report.passed());
        List<CheckResult> coverage = report.failures().stream().filter(r -> r.check().equals(CoverageCheck.NAME))
                .toList();
        assertEquals(1, coverage.size(), () -> report.failures().toString());
        assertEquals("entries/" + dropped + ".json", coverage.getFirst().subject());
        assertEquals("missing: leaf " + dropped + " lies in the bundle's coverage [0, " + SIZE + ")",
                coverage.getFirst().message());
    }

    @Test
    void rangeBundle_isCompleteWithoutTheLeavesOutsideItsRange() throws Exception {
        VerificationReport report = new Verifier().verify(bundle("range", new Coverage.Range(5, 12), 20), List.of());
        assertTrue(report.passed(), () -> report.failures().toString());
    }

    @Test
    void rangeBundle_missingALeafOfItsRange_fails() throws Exception {
        VerificationReport report = new Verifier().verify(bundle("range-gap", new Coverage.Range(5, 12), 7), List.of());
        assertEquals(List.of("entries/7.json"), report.failures().stream().map(CheckResult::subject).toList());
    }

    @Test
    void bundleWithoutCoverage_isReadAsBeforeAndSaysCompletenessIsNotChecked() throws Exception {
        VerificationReport report = new Verifier().verify(bundle("v1", null, 9), List.of());
        assertTrue(report.passed(), () -> report.failures().toString());
        assertTrue(report.results().stream().anyMatch(r -> r.check().equals(CoverageCheck.NAME)
                && r.status() == CheckStatus.NOT_CHECKED));
    }
}
