package org.cbamledger.service.log;

import java.time.Duration;
import java.util.Optional;
import org.cbamledger.service.store.StoredCheckpoint;

/** Lets submitters wait until a checkpoint covers their entry. */
final class CheckpointWatch {
    private StoredCheckpoint latest;

    synchronized void published(StoredCheckpoint checkpoint) {
        if (latest == null || checkpoint.treeSize() > latest.treeSize()) {
            latest = checkpoint;
            notifyAll();
        }
    }

    /** The first checkpoint seen with {@code treeSize >= minSize}, or empty after the timeout. */
    synchronized Optional<StoredCheckpoint> await(long minSize, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (latest == null || latest.treeSize() < minSize) {
            long leftNanos = deadline - System.nanoTime();
            if (leftNanos <= 0) {
                return Optional.empty();
            }
            Duration left = Duration.ofNanos(leftNanos);
            wait(Math.max(1, left.toMillis()));
        }
        return Optional.of(latest);
    }
}
