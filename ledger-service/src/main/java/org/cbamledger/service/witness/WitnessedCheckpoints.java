package org.cbamledger.service.witness;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalLong;
import org.cbamledger.service.bundle.CheckpointEvidence;
import org.cbamledger.service.store.CheckpointStore;
import org.cbamledger.service.store.StoredCheckpoint;

/**
 * Checkpoints with their witness cosignatures and timestamps, and a way to wait for a witnessed checkpoint: one
 * that at least the quorum of configured witnesses cosigned.
 */
public final class WitnessedCheckpoints implements CheckpointEvidence {
    private final WitnessingSettings settings;
    private final CheckpointStore checkpoints;
    private final CosignatureStore cosignatures;
    private final TimestampStore timestamps;
    private final List<String> witnessKeys;
    private long version;

    public WitnessedCheckpoints(WitnessingSettings settings, CheckpointStore checkpoints, CosignatureStore cosignatures,
            TimestampStore timestamps) {
        this.settings = settings;
        this.checkpoints = checkpoints;
        this.cosignatures = cosignatures;
        this.timestamps = timestamps;
        this.witnessKeys = settings.witnesses().stream().map(w -> w.key().verifierKey()).toList();
    }

    public WitnessingSettings settings() {
        return settings;
    }

    /** A witness cosigned something: waiters look again. */
    synchronized void changed() {
        version++;
        notifyAll();
    }

    @Override
    public StoredCheckpoint cosigned(String logId, StoredCheckpoint checkpoint) throws SQLException {
        List<String> lines = cosignatures.lines(logId, checkpoint.treeSize());
        if (lines.isEmpty()) {
            return checkpoint;
        }
        return new StoredCheckpoint(checkpoint.treeSize(), checkpoint.rootHash(),
                checkpoint.signedNote() + String.join("\n", lines) + "\n");
    }

    /** The newest witnessed checkpoint, cosigned; empty without witnesses or before the first. */
    public Optional<StoredCheckpoint> latestWitnessed(String logId) throws SQLException {
        if (!settings.witnessing()) {
            return Optional.empty();
        }
        OptionalLong size = cosignatures.latestWitnessed(logId, witnessKeys, settings.quorum());
        if (size.isEmpty()) {
            return Optional.empty();
        }
        Optional<StoredCheckpoint> checkpoint = checkpoints.bySize(logId, size.getAsLong());
        return checkpoint.isEmpty() ? Optional.empty() : Optional.of(cosigned(logId, checkpoint.get()));
    }

    /** Waits up to {@code timeout} for a witnessed checkpoint of at least {@code minSize}. */
    public Optional<StoredCheckpoint> awaitWitnessed(String logId, long minSize, Duration timeout)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen;
            synchronized (this) {
                seen = version;
            }
            Optional<StoredCheckpoint> latest = latestWitnessed(logId);
            if (latest.isPresent() && latest.get().treeSize() >= minSize) {
                return latest;
            }
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0 || !settings.witnessing()) {
                return Optional.empty();
            }
            synchronized (this) {
                if (version == seen) {
                    wait(leftMillis);
                }
            }
        }
    }

    @Override
    public StoredCheckpoint forExport(String logId, StoredCheckpoint latest) throws SQLException {
        long deadline = System.nanoTime() + settings.bundleWait().toNanos();
        try {
            Optional<StoredCheckpoint> witnessed = settings.witnessing()
                    ? awaitWitnessed(logId, latest.treeSize(), settings.bundleWait())
                    : Optional.empty();
            long size = witnessed.map(StoredCheckpoint::treeSize).orElse(latest.treeSize());
            awaitAnyTimestamp(logId, size, deadline);
            return witnessed.isPresent() ? witnessed.get() : cosigned(logId, latest);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return cosigned(logId, latest);
        }
    }

    /**
     * With TSAs configured, a bundle waits (within the same bundle wait) until some checkpoint it can carry has a
     * token, so that a bundle exported right after its entries still dates them (the timestamper stamps at most once
     * per interval).
     */
    private void awaitAnyTimestamp(String logId, long size, long deadlineNanos) throws SQLException, InterruptedException {
        if (settings.tsaUrls().isEmpty()) {
            return;
        }
        while (timestamps.upTo(logId, size).isEmpty() && System.nanoTime() < deadlineNanos) {
            Thread.sleep(100);
        }
    }

    @Override
    public NavigableMap<Long, byte[]> timestamps(String logId, long maxSize) throws SQLException {
        return timestamps.upTo(logId, maxSize);
    }
}
