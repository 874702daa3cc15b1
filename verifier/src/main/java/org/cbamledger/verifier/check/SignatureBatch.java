package org.cbamledger.verifier.check;

import java.util.ArrayList;
import java.util.List;
import org.cbamledger.signer.PublicKeyInfo;
import org.cbamledger.verifier.context.CheckResult;

/**
 * Entries' signature verifications gathered in log order and run over all processors a bounded batch at a time,
 * their results added in log order, as a sequential walk would add them: the report does not depend on which thread
 * finished first, and at most {@link #MAX_ENTRIES} entries' signed bytes are held at once.
 */
final class SignatureBatch {
    private static final int MAX_ENTRIES = 1024;

    /** A signature to verify, and the entry's failure if it does not. */
    record Signed(PublicKeyInfo key, byte[] pae, byte[] sig, String failure) {}

    /**
     * What an entry's signatures settle: the first of {@code checks} that does not verify fails the entry; if all do,
     * {@code problem} fails it when there is one, otherwise the entry passes with {@code passed}.
     */
    record Claim(List<Signed> checks, String problem, String passed) {
        static Claim failed(String problem) {
            return new Claim(List.of(), problem, null);
        }

        static Claim settled(String problem, String passed) {
            return new Claim(List.of(), problem, passed);
        }

        /** Why the entry fails, verified here on the caller's thread; null when it passes. */
        String failure() {
            for (Signed signed : checks) {
                if (!signed.key().verify(signed.pae(), signed.sig())) {
                    return signed.failure();
                }
            }
            return problem;
        }
    }

    private record Pending(String file, Claim claim) {}

    private final List<CheckResult> results;
    private final List<Pending> pending = new ArrayList<>();

    SignatureBatch(List<CheckResult> results) {
        this.results = results;
    }

    void add(String file, Claim claim) {
        pending.add(new Pending(file, claim));
        if (pending.size() >= MAX_ENTRIES) {
            flush();
        }
    }

    /** Settles the entries so far and this one, which the caller needs to know now (it changes the keys). */
    boolean settle(String file, Claim claim) {
        pending.add(new Pending(file, claim));
        flush();
        return !results.getLast().failed();
    }

    void flush() {
        List<String> failures = pending.parallelStream().map(entry -> entry.claim().failure()).toList();
        for (int i = 0; i < pending.size(); i++) {
            Pending entry = pending.get(i);
            String failure = failures.get(i);
            results.add(failure != null ? CheckResult.fail(EntrySignatureCheck.NAME, entry.file(), failure)
                    : CheckResult.pass(EntrySignatureCheck.NAME, entry.file(), entry.claim().passed()));
        }
        pending.clear();
    }
}
