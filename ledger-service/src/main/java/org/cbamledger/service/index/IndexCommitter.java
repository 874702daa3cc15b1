package org.cbamledger.service.index;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.cbamledger.service.store.CheckpointStore;
import org.cbamledger.service.log.Ledger;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.service.log.Receipt;
import org.cbamledger.service.store.StoredCheckpoint;
import org.cbamledger.signer.index.EntryIndexMap;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps a log's index committed in the log (CONTRACTS.md, index-commitment): brings the index up to the latest
 * checkpoint and, only when an indexed entry arrived since the last commitment, appends a new log-authored
 * index-commitment over [0, checkpoint size). Commitments therefore follow changes of the index, never entries one
 * by one: on a schedule ({@link IndexSchedule}) and when a room bundle needs one.
 */
public final class IndexCommitter {
    static final Duration WAIT = Duration.ofSeconds(10);

    /** The commitment entry, the size S it covers, and the index map over [0, S) it commits. */
    public record Commitment(long entryIndex, long treeSize, EntryIndexMap map) {}

    private final EntryIndexStore store;
    private final CheckpointStore checkpoints;
    private final Ledger ledger;

    public IndexCommitter(EntryIndexStore store, CheckpointStore checkpoints, Ledger ledger) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.ledger = ledger;
    }

    /** The log's latest commitment, appending one first when the index changed since (the on-request path). */
    public synchronized Commitment current(String logId) throws LedgerException, SQLException {
        long size = latestSize(logId);
        store.catchUp(logId, size);
        EntryIndexStore.State state = store.state(logId);
        if (state.commitmentIndex() >= 0 && !store.changedSince(logId, state.committedSize())) {
            return new Commitment(state.commitmentIndex(), state.committedSize(),
                    new EntryIndexMap(store.below(logId, state.committedSize())));
        }
        return append(logId, size);
    }

    /**
     * The scheduled path ({@link IndexSchedule}): appends a commitment only when an indexed entry under the latest
     * checkpoint arrived since the last commitment (or, with none yet, when any is indexed). True when it appended.
     */
    public synchronized boolean commitIfChanged(String logId) throws LedgerException, SQLException {
        long size = latestSize(logId);
        store.catchUp(logId, size);
        EntryIndexStore.State state = store.state(logId);
        if (!store.changedSince(logId, Math.max(0, state.committedSize()))) {
            return false;
        }
        append(logId, size);
        return true;
    }

    private long latestSize(String logId) throws SQLException {
        return checkpoints.latest(logId).map(StoredCheckpoint::treeSize).orElse(0L);
    }

    private Commitment append(String logId, long size) throws LedgerException, SQLException {
        EntryIndexMap map = new EntryIndexMap(store.below(logId, size));
        ObjectNode record = JsonNodeFactory.instance.objectNode().put("kind", Kinds.INDEX_COMMITMENT)
                .put("treeSize", size).put("mapRoot", Base64.getEncoder().encodeToString(map.rootHash()))
                .put("keys", map.size());
        Receipt receipt = sequenced(ledger, logId, record);
        store.recordCommitment(logId, size, receipt.index());
        return new Commitment(receipt.index(), size, map);
    }

    /** A checkpoint that covers the commitment entry, waiting for the checkpointer if need be. */
    public StoredCheckpoint checkpointCovering(String logId, Commitment commitment) throws LedgerException, SQLException {
        try {
            return ledger.awaitCheckpoint(logId, commitment.entryIndex() + 1, WAIT).orElseThrow(() -> new LedgerException(
                    Problem.UNAVAILABLE, "no checkpoint covered the index commitment within " + WAIT.toSeconds() + " s"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException(Problem.UNAVAILABLE, "interrupted waiting for a checkpoint", e);
        }
    }

    private static Receipt sequenced(Ledger ledger, String logId, ObjectNode record) throws LedgerException, SQLException {
        try {
            return ledger.appendByLog(logId, record).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException(Problem.UNAVAILABLE, "interrupted appending the index commitment", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new LedgerException(Problem.UNAVAILABLE, "the index commitment was not sequenced: " + e.getMessage(), e);
        }
    }
}
