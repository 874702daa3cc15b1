package org.cbamledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Polls the public checkpoint and remembers when each tree size was first seen signed. */
final class CheckpointWatcher implements Runnable {
    private static final long POLL_MILLIS = 20;

    private final LedgerClient client;
    private final String logId;
    private final List<Observation> observations = new ArrayList<>();
    private volatile boolean stopped;
    private volatile long latestSize;

    CheckpointWatcher(LedgerClient client, String logId) {
        this.client = client;
        this.logId = logId;
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                String note = client.getText("/logs/" + logId + "/checkpoint");
                long size = Long.parseLong(note.split("\n", 3)[1]);
                long now = System.nanoTime();
                synchronized (observations) {
                    if (size > latestSize) {
                        observations.add(new Observation(now, size));
                        latestSize = size;
                    }
                }
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                System.err.println("checkpoint poll failed: " + e.getMessage());
            }
        }
    }

    void awaitSize(long size, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (latestSize < size && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
        }
    }

    void stop() {
        stopped = true;
    }

    List<Observation> observations() {
        synchronized (observations) {
            return List.copyOf(observations);
        }
    }

    /** The first time a checkpoint of {@code treeSize} was seen. */
    record Observation(long seenNanos, long treeSize) {}
}
