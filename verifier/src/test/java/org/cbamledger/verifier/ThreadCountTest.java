package org.cbamledger.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import org.cbamledger.signer.DsseSignature;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.verifier.bundle.EntryPack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code verify --threads N}: the entry scan, the signature checks and the reading of the evidence run on N threads,
 * batch after batch while the next is read; a bad bundle's report is the same, word for word and in log order, on 1,
 * 2 and 4 threads. The logs span several scan and signature batches.
 */
class ThreadCountTest {
    static final long SIZE = EntryPack.MAX_ENTRIES + 900;
    static final long BAD_SIGNATURE = 1_500;
    static final long MISSING = 2_600;

    @TempDir
    static Path tmp;

    static TestLog log;

    @BeforeAll
    static void startLog() throws Exception {
        SigningKey gateway = SigningKey.generate(KeyAlgorithm.ED25519);
        log = TestLog.withGateway(gateway);
        while (log.size() < SIZE) {
            long index = log.size();
            Envelope batch = TestLog.sign(TestLog.readingBatch("M-1", index, "ab".repeat(32)), gateway);
            if (index == BAD_SIGNATURE) {
                // the gateway's valid signature over another batch: well formed, not valid
                DsseSignature other = TestLog.sign(TestLog.readingBatch("M-2", 0, "cd".repeat(32)), gateway)
                        .signatures().getFirst();
                batch = new Envelope(batch.payloadType(), batch.payload(), List.of(other));
            }
            log.append(batch);
        }
    }

    private static Path write(String name, LongPredicate include) throws Exception {
        return ParallelSignatureTest.write(log, tmp.resolve(name), include);
    }

    /** {@code verify BUNDLE --threads N --json}: its exit code and what it printed. */
    private record Run(int exit, String err, String out) {
        /** The failed checks, each as "check subject: message", in report order. */
        List<String> failures() {
            List<String> failures = new ArrayList<>();
            for (JsonNode check : TestLog.JSON.readTree(out).path("checks")) {
                if (check.path("status").asString().equals("FAIL")) {
                    failures.add(check.path("check").asString() + " " + check.path("subject").asString() + ": "
                            + check.path("message").asString());
                }
            }
            return failures;
        }
    }

    private static Run verify(Path bundle, int threads) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = VerifyCommand.run(new String[] {bundle.toString(), "--threads", String.valueOf(threads), "--json"},
                new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, err.toString(), out.toString());
    }

    private static Run sameOnOneTwoAndFourThreads(Path bundle) {
        Run one = verify(bundle, 1);
        assertEquals(one, verify(bundle, 2));
        assertEquals(one, verify(bundle, 4));
        assertEquals(VerifyCommand.FAILED, one.exit(), one.err());
        return one;
    }

    @Test
    void badSignature_sameReportOnOneTwoAndFourThreads_namingTheEntry() throws Exception {
        Run run = sameOnOneTwoAndFourThreads(write("bad-signature", i -> true));

        List<String> failures = run.failures();
        assertEquals(1, failures.size(), failures::toString);
        assertTrue(failures.getFirst().startsWith("entry-signature entries/") && failures.getFirst().contains(
                "#" + BAD_SIGNATURE + ": signature by key "), failures::toString);
    }

    @Test
    void missingEntry_sameReportOnOneTwoAndFourThreads_namingTheLeaf() throws Exception {
        Run run = sameOnOneTwoAndFourThreads(write("missing", i -> i != MISSING));

        assertTrue(run.failures().contains("coverage entries#" + MISSING + ": missing: leaf " + MISSING
                + " lies in the bundle's coverage [0, " + SIZE + ")"), run.failures()::toString);
    }

    @Test
    void wrongRecalculatedFigure_sameReportOnOneTwoAndFourThreads() throws Exception {
        SerbianBundle serbian = new SerbianBundle(true);
        Path bundle = serbian.write(tmp.resolve("edited-reading"), i -> true, serbian.claims(List.of()));
        serbian.editOneReading(bundle, "main-incomer");

        Run run = sameOnOneTwoAndFourThreads(bundle);

        assertTrue(run.failures().stream().anyMatch(f -> f.startsWith("statement statement.json: evidence.figures[")
                && f.contains(".value: stated ")), run.failures()::toString);
    }
}
