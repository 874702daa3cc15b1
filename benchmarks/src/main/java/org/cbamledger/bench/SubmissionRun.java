package org.cbamledger.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/** Sends pre-signed requests from several connections until the window closes or the requests run out. */
final class SubmissionRun {
    private final LedgerClient client;
    private final String logId;
    private final List<List<byte[]>> requests;
    private final int connections;
    private final Duration window;

    SubmissionRun(LedgerClient client, String logId, List<List<byte[]>> requests, int connections, Duration window) {
        this.client = client;
        this.logId = logId;
        this.requests = requests;
        this.connections = connections;
        this.window = window;
    }

    SubmissionResult execute() throws InterruptedException {
        CheckpointWatcher watcher = new CheckpointWatcher(client, logId);
        Thread watcherThread = Thread.ofPlatform().daemon().name("checkpoint-watcher").start(watcher);
        AtomicInteger next = new AtomicInteger();
        AtomicLong entries = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        ConcurrentLinkedQueue<Acknowledgement> acks = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long deadline = start + window.toNanos();
        try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
            for (int c = 0; c < connections; c++) {
                pool.submit(() -> {
                    int i;
                    while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < requests.size()) {
                        List<byte[]> request = requests.get(i);
                        long sent = System.nanoTime();
                        try {
                            long maxIndex = send(request);
                            acks.add(new Acknowledgement(sent, System.nanoTime(), maxIndex, request.size()));
                            entries.addAndGet(request.size());
                        } catch (Exception e) {
                            if (failures.incrementAndGet() <= 5) {
                                System.err.println("submission failed: " + e.getMessage());
                            }
                        }
                    }
                });
            }
        }
        long elapsed = System.nanoTime() - start;
        long lastIndex = acks.stream().mapToLong(Acknowledgement::maxIndex).max().orElse(-1);
        watcher.awaitSize(lastIndex + 1, Duration.ofSeconds(30));
        watcher.stop();
        watcherThread.join();
        return new SubmissionResult(entries.get(), failures.get(), elapsed, List.copyOf(acks), watcher.observations());
    }

    private long send(List<byte[]> request) throws Exception {
        if (request.size() == 1) {
            return client.postJson("/logs/" + logId + "/entries", request.getFirst()).path("index").asLong();
        }
        JsonNode receipts = client.postJson("/logs/" + logId + "/entries/batch", BenchLog.jsonArray(request));
        long max = -1;
        for (JsonNode receipt : receipts.values()) {
            max = Math.max(max, receipt.path("index").asLong());
        }
        return max;
    }

    record Acknowledgement(long sentNanos, long acknowledgedNanos, long maxIndex, int entries) {}
}
