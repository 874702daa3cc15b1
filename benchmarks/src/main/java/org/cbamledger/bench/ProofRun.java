package org.cbamledger.bench;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Asks for inclusion proofs of random entries against the latest tree size for a fixed window. */
final class ProofRun {
    private final LedgerClient client;
    private final String logId;
    private final long entries;
    private final int connections;
    private final Duration window;

    ProofRun(LedgerClient client, String logId, long entries, int connections, Duration window) {
        this.client = client;
        this.logId = logId;
        this.entries = entries;
        this.connections = connections;
        this.window = window;
    }

    ProofRateResult execute() throws Exception {
        String note = client.getText("/logs/" + logId + "/checkpoint");
        long treeSize = Long.parseLong(note.split("\n", 3)[1]);
        AtomicLong served = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + window.toNanos();
        try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
            for (int c = 0; c < connections; c++) {
                pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        long index = ThreadLocalRandom.current().nextLong(Math.max(1, Math.min(entries, treeSize)));
                        try {
                            client.getJson("/logs/" + logId + "/proofs/inclusion?index=" + index + "&treeSize=" + treeSize);
                            served.incrementAndGet();
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                });
            }
        }
        return new ProofRateResult(served.get(), failed.get(), System.nanoTime() - start, treeSize);
    }
}
