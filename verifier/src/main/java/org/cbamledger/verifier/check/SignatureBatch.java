package org.cbamledger.verifier.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Supplier;
import org.cbamledger.signer.PublicKeyInfo;
import org.cbamledger.verifier.context.CheckResult;

/**
 * Entries' signature verifications gathered in log order and run on the threads of the pool the check runs in, a
 * bounded batch at a time, while the caller gathers the next batch; their results added in log order, as a sequential
 * walk would add them: the report does not depend on which thread finished first, and at most two batches of
 * {@link #MAX_ENTRIES} entries' signed bytes are held at once.
 */
final class SignatureBatch {
    private static final int MAX_ENTRIES = 1024;

    /**
     * A signature to verify over the entry's signed bytes, and the entry's failure if it does not; {@code scanned}
     * holds whether it verifies when the entry scan checked it already (by the key its key id names, this key).
     */
    record Signed(PublicKeyInfo key, byte[] sig, Optional<Boolean> scanned, String failure) {
        Signed(PublicKeyInfo key, byte[] sig, String failure) {
            this(key, sig, Optional.empty(), failure);
        }

        boolean verifies(Supplier<byte[]> signedBytes) {
            return scanned.orElseGet(() -> key.verify(signedBytes.get(), sig));
        }
    }

    /**
     * What an entry's signatures settle: the first of {@code checks} that does not verify over {@code signedBytes}
     * (the entry's DSSE PAE, made on the thread that verifies it) fails the entry; if all do, {@code problem} fails it
     * when there is one, otherwise the entry passes with {@code passed}.
     */
    record Claim(List<Signed> checks, Supplier<byte[]> signedBytes, String problem, String passed) {
        static Claim failed(String problem) {
            return new Claim(List.of(), null, problem, null);
        }

        static Claim settled(String problem, String passed) {
            return new Claim(List.of(), null, problem, passed);
        }

        /**
         * Why the entry fails, verified here on the caller's thread where the scan did not; null when it passes. The
         * signed bytes are made at most once, and only when a signature was not checked by the scan.
         */
        String failure() {
            Supplier<byte[]> pae = new Supplier<>() {
                private byte[] made;

                @Override
                public byte[] get() {
                    made = made != null ? made : signedBytes.get();
                    return made;
                }
            };
            for (Signed signed : checks) {
                if (!signed.verifies(pae)) {
                    return signed.failure();
                }
            }
            return problem;
        }
    }

    private record Pending(String file, Claim claim) {}

    /** A batch handed to the pool, and its entries' failures (null: passed) once they are verified. */
    private record Verifying(List<Pending> batch, ForkJoinTask<List<String>> failures) {}

    private final List<CheckResult> results;
    private final List<Pending> pending = new ArrayList<>();
    private Verifying verifying;

    SignatureBatch(List<CheckResult> results) {
        this.results = results;
    }

    void add(String file, Claim claim) {
        pending.add(new Pending(file, claim));
        if (pending.size() >= MAX_ENTRIES) {
            startVerifying();
        }
    }

    /** Settles the entries so far and this one, which the caller needs to know now (it changes the keys). */
    boolean settle(String file, Claim claim) {
        pending.add(new Pending(file, claim));
        flush();
        return !results.getLast().failed();
    }

    /** Settles every entry added so far: their results are in {@code results}, in the order they were added. */
    void flush() {
        if (!pending.isEmpty()) {
            startVerifying();
        }
        finishVerifying();
    }

    /**
     * Hands the pending entries to the pool and returns at once, so the caller gathers the next batch (reading its
     * envelopes) while this one verifies; the batch before it is settled first, keeping the results in order.
     */
    private void startVerifying() {
        finishVerifying();
        List<Pending> batch = List.copyOf(pending);
        pending.clear();
        verifying = new Verifying(batch, ForkJoinTask.adapt(
                () -> batch.parallelStream().map(entry -> entry.claim().failure()).toList()).fork());
    }

    private void finishVerifying() {
        if (verifying == null) {
            return;
        }
        List<String> failures = verifying.failures().join();
        List<Pending> batch = verifying.batch();
        verifying = null;
        for (int i = 0; i < batch.size(); i++) {
            Pending entry = batch.get(i);
            String failure = failures.get(i);
            results.add(failure != null ? CheckResult.fail(EntrySignatureCheck.NAME, entry.file(), failure)
                    : CheckResult.pass(EntrySignatureCheck.NAME, entry.file(), entry.claim().passed()));
        }
    }
}
