package org.cbamledger.service.log;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;

/**
 * Checks the envelopes of one group on up to as many threads as the machine has cores, each a run of consecutive
 * envelopes (the first on the caller's thread, the others on virtual threads): a batch request's signature checks
 * (Ed25519, about 0.1 ms each) use every core even when few requests arrive at once. The outcome is the sequential
 * one: the submissions in order, or the failure of the first envelope that fails.
 */
final class GroupValidation {
    /** Fewer envelopes than this per thread are checked on the caller's thread alone: a thread costs more than it saves. */
    static final int MIN_ENVELOPES_PER_THREAD = 8;

    @FunctionalInterface
    interface Check<T> {
        Submission validate(T envelope) throws LedgerException, SQLException;
    }

    /** The submissions of a run up to its first failure, and that failure if any. */
    private record Run(List<Submission> submissions, Exception failure) {}

    private GroupValidation() {}

    static <T> List<Submission> validate(List<T> envelopes, Check<T> check) throws LedgerException, SQLException {
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), envelopes.size() / MIN_ENVELOPES_PER_THREAD);
        int firstEnd = envelopes.size() / Math.max(1, threads);
        List<CompletableFuture<Run>> others = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            List<T> slice = envelopes.subList(envelopes.size() * t / threads, envelopes.size() * (t + 1) / threads);
            others.add(CompletableFuture.supplyAsync(() -> validateRun(slice, check),
                    task -> Thread.ofVirtual().name("validate").start(task)));
        }
        List<Run> runs = new ArrayList<>(threads);
        runs.add(validateRun(threads <= 1 ? envelopes : envelopes.subList(0, firstEnd), check));
        for (CompletableFuture<Run> run : others) {
            runs.add(await(run));
        }
        List<Submission> all = new ArrayList<>(envelopes.size());
        for (Run run : runs) {
            // every run before the first failing one is whole: its failure is the one a sequential check meets first
            if (run.failure() != null) {
                rethrow(run.failure());
            }
            all.addAll(run.submissions());
        }
        return all;
    }

    private static <T> Run validateRun(List<T> run, Check<T> check) {
        List<Submission> submissions = new ArrayList<>(run.size());
        try {
            for (T envelope : run) {
                submissions.add(check.validate(envelope));
            }
            return new Run(submissions, null);
        } catch (LedgerException | SQLException | RuntimeException e) {
            return new Run(submissions, e);
        }
    }

    private static Run await(CompletableFuture<Run> run) throws LedgerException {
        try {
            return run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException(Problem.UNAVAILABLE, "interrupted while checking the submitted envelopes");
        } catch (ExecutionException e) {
            throw new IllegalStateException("a run of envelope checks ended without a result", e.getCause());
        }
    }

    private static void rethrow(Exception failure) throws LedgerException, SQLException {
        if (failure instanceof LedgerException e) {
            throw e;
        }
        if (failure instanceof SQLException e) {
            throw e;
        }
        throw (RuntimeException) failure;
    }
}
