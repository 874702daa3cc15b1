package org.cbamledger.service.log;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.service.store.DeviceBatch;
import org.cbamledger.service.store.DeviceStore;
import org.cbamledger.service.store.EntryStore;
import org.cbamledger.service.store.KeyStore;
import org.cbamledger.service.store.LogKeyStore;
import org.cbamledger.service.store.LogStore;
import org.cbamledger.service.store.RotatedKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of a log's indexes. Queued submissions are taken in batches; each batch is one
 * PostgreSQL transaction that assigns consecutive indexes and stores the entries. A receipt is handed
 * out only after that transaction committed, so every acknowledged entry survives a crash.
 */
public final class Sequencer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sequencer.class);

    /** One all-or-nothing group of submissions (a single entry, or a batch request). */
    /** {@code rotation}: the note key a log-key-rotation group hands over to, else null. */
    private record Pending(List<Submission> group, RotatedKey rotation, CompletableFuture<List<Receipt>> result) {}

    private final String logId;
    private final DataSource dataSource;
    private final Clock clock;
    private final int maxBatch;
    private final KeyCache keys;
    private final SequencingHook hook;
    private final Runnable onSequenced;
    private final BlockingQueue<Pending> queue;
    private final Thread thread;
    private volatile boolean running = true;

    Sequencer(String logId, DataSource dataSource, Clock clock, int queueCapacity, int maxBatch, KeyCache keys,
            SequencingHook hook, Runnable onSequenced) {
        this.logId = logId;
        this.dataSource = dataSource;
        this.clock = clock;
        this.maxBatch = maxBatch;
        this.keys = keys;
        this.hook = hook;
        this.onSequenced = onSequenced;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.thread = Thread.ofVirtual().name("sequencer-" + logId).start(this::run);
    }

    /** Queues a group; the future completes once it is durably sequenced, or with a {@link LedgerException}. */
    public CompletableFuture<List<Receipt>> submit(List<Submission> group) throws LedgerException {
        return submit(group, null);
    }

    /**
     * Queues a log-key-rotation entry; the new key is stored in the transaction that sequences it, and only when
     * the entry's index stays below the rotation's fromSize (else it fails with {@link Problem#ROTATION_OVERTAKEN}).
     */
    CompletableFuture<List<Receipt>> submitRotation(Submission rotationEntry, RotatedKey newKey) throws LedgerException {
        return submit(List.of(rotationEntry), newKey);
    }

    private CompletableFuture<List<Receipt>> submit(List<Submission> group, RotatedKey rotation) throws LedgerException {
        CompletableFuture<List<Receipt>> result = new CompletableFuture<>();
        if (!running || !queue.offer(new Pending(List.copyOf(group), rotation, result))) {
            throw new LedgerException(Problem.QUEUE_FULL, "the submission queue of log " + logId + " is full");
        }
        return result;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                sequence(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.result().completeExceptionally(
                new LedgerException(Problem.UNAVAILABLE, "log " + logId + " is shutting down")));
    }

    private void sequence(List<Pending> batch) {
        List<Outcome> outcomes;
        try {
            outcomes = commit(batch);
        } catch (SQLException | RuntimeException e) {
            LOG.error("sequencing a batch of {} groups in log {} failed", batch.size(), logId, e);
            // a connection lost during commit leaves the outcome unknown: nothing is acknowledged, and a resubmission
            // answers with the receipt if the commit did happen
            LedgerException failure = new LedgerException(Problem.UNAVAILABLE,
                    "sequencing failed; nothing was acknowledged, resubmit (an entry already appended answers with its receipt)", e);
            batch.forEach(p -> p.result().completeExceptionally(failure));
            return;
        }
        forgetRevokedKeys(batch, outcomes);
        onSequenced.run();
        for (int i = 0; i < batch.size(); i++) {
            Outcome outcome = outcomes.get(i);
            if (outcome.failure() != null) {
                batch.get(i).result().completeExceptionally(outcome.failure());
            } else {
                batch.get(i).result().complete(outcome.receipts());
            }
        }
    }

    /** Before any receipt goes out: a revoked key is read again by the next submission it signs. */
    private void forgetRevokedKeys(List<Pending> batch, List<Outcome> outcomes) {
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes.get(i).failure() == null) {
                for (Submission s : batch.get(i).group()) {
                    if (s.revocation() != null) {
                        keys.forget(logId, s.revocation().keyId());
                    }
                }
            }
        }
    }

    private record Outcome(List<Receipt> receipts, LedgerException failure) {}

    private List<Outcome> commit(List<Pending> batch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long size = LogStore.sequencedSize(c, logId, true);
                SequencingPlan plan = new SequencingPlan(logId, clock.instant(), size, storedState(c, batch));
                List<Outcome> outcomes = new ArrayList<>(batch.size());
                for (Pending pending : batch) {
                    try {
                        // uniqueness across the deployment's logs: checked before planning, recorded in this transaction
                        if (pending.rotation() != null && pending.rotation().fromSize() <= plan.nextIndex()) {
                            throw new LedgerException(Problem.ROTATION_OVERTAKEN, "the log grew to "
                                    + plan.nextIndex() + " entries before the rotation was sequenced, past its fromSize "
                                    + pending.rotation().fromSize());
                        }
                        SequencingHook.Recording claims = hook.check(c, logId, pending.group());
                        List<Receipt> receipts = plan.add(pending.group());
                        claims.record(c, receipts);
                        if (pending.rotation() != null) {
                            LogKeyStore.insert(c, logId, pending.rotation());
                        }
                        outcomes.add(new Outcome(receipts, null));
                    } catch (LedgerException e) {
                        outcomes.add(new Outcome(null, e));
                    }
                }
                plan.store(c);
                c.commit();
                return outcomes;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Reads, in three queries, what the log holds of the batch's leaves, keys and device batches. */
    private SequencingPlan.StoredState storedState(Connection c, List<Pending> batch) throws SQLException {
        List<byte[]> leafHashes = new ArrayList<>();
        Set<String> keyIds = new HashSet<>();
        Set<DeviceBatch> devices = new HashSet<>();
        for (Pending p : batch) {
            for (Submission s : p.group()) {
                leafHashes.add(s.leafHash());
                keyIds.addAll(s.signingKeyIds());
                if (s.registration() != null) {
                    keyIds.add(s.registration().keyId());
                }
                if (s.revocation() != null) {
                    keyIds.add(s.revocation().keyId());
                }
                if (s.deviceBatch() != null) {
                    devices.add(s.deviceBatch());
                }
            }
        }
        return new SequencingPlan.StoredState(EntryStore.indexesOf(c, logId, leafHashes),
                KeyStore.revocationsOf(c, logId, keyIds), DeviceStore.entryIndexesOf(c, logId, devices));
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
