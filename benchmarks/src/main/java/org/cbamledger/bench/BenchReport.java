package org.cbamledger.bench;

import java.io.PrintStream;
import java.util.List;

/** Prints the figures BENCHMARKS.md records. */
record BenchReport(int windowSeconds, int readingsPerEntry, int entriesPerRequest, int connections,
        SubmissionResult submissions, ProofRateResult proofs) {

    void print(PrintStream out) {
        double seconds = submissions.elapsedNanos() / 1e9;
        double entriesPerSecond = submissions.acknowledgedEntries() / seconds;
        List<Double> inclusion = submissions.inclusionMillis();
        List<Double> ack = submissions.acknowledgementMillis();
        out.printf("window            %.1f s, %d connections, %d entries/request, %d readings/entry%n",
                seconds, connections, entriesPerRequest, readingsPerEntry);
        out.printf("entries           %,d acknowledged, %,d failed requests%n",
                submissions.acknowledgedEntries(), submissions.failedRequests());
        out.printf("entries/s         %,.0f%n", entriesPerSecond);
        out.printf("readings/s        %,.0f%n", entriesPerSecond * readingsPerEntry);
        out.printf("ack latency       p50 %.1f ms, p99 %.1f ms%n", Percentiles.of(ack, 50), Percentiles.of(ack, 99));
        out.printf("to checkpoint     p50 %.1f ms, p99 %.1f ms (%d of %d requests covered)%n",
                Percentiles.of(inclusion, 50), Percentiles.of(inclusion, 99), inclusion.size(),
                submissions.acknowledgements().size());
        out.printf("inclusion proofs  %,.0f/s over %.1f s at tree size %,d (%d failed; %,d checked against the root,"
                        + " %d wrong)%n", proofs.proofsPerSecond(), proofs.elapsedNanos() / 1e9, proofs.treeSize(),
                proofs.failedRequests(), proofs.checkedProofs(), proofs.wrongProofs());
    }
}
