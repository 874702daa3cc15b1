package org.cbamledger.service.log;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.cbamledger.service.lease.Lease;
import org.cbamledger.service.lease.LeaseKeeper;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.store.CheckpointStore;
import org.cbamledger.service.store.LogInfo;
import org.cbamledger.service.store.RotatedKey;
import org.cbamledger.service.store.StoredCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log's write path, split the way Tessera splits it: the {@link Sequencer} thread makes entries
 * durable, a publisher thread runs the {@link Integrator} and then the {@link Checkpointer}, waking on
 * every sequenced batch and at least once per checkpoint interval. Both are virtual threads, so a node
 * can carry many logs. Every instance sequences (the sequence row lock orders them); only the instance holding
 * the log's lease integrates and signs, the others follow the stored checkpoints.
 */
final class LogPipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogPipeline.class);

    private final LogInfo log;
    private final Sequencer sequencer;
    private final Integrator integrator;
    private final Checkpointer checkpointer;
    private final CheckpointStore checkpoints;
    private final LeaseKeeper leases;
    private final CheckpointWatch watch = new CheckpointWatch();
    private final Semaphore sequenced = new Semaphore(0);
    private final Duration checkpointInterval;
    private final Thread publisher;
    private final List<CheckpointListener> listeners;
    private volatile boolean running = true;

    LogPipeline(LogInfo log, DataSource dataSource, CheckpointStore checkpoints, LeaseKeeper leases, Clock clock,
            LedgerSettings settings, List<CheckpointListener> listeners, KeyCache keys, SequencingHook hook) {
        this.log = log;
        this.checkpoints = checkpoints;
        this.leases = leases;
        this.listeners = listeners;
        this.checkpointInterval = settings.checkpointInterval();
        this.integrator = new Integrator(log.logId(), dataSource);
        this.checkpointer = new Checkpointer(log, dataSource, checkpoints, clock, settings.logKeyOverlap());
        this.sequencer = new Sequencer(log.logId(), dataSource, clock, settings.queueCapacity(), settings.maxBatch(),
                keys, hook, sequenced::release);
        this.publisher = Thread.ofVirtual().name("publisher-" + log.logId()).start(this::publish);
    }

    LogInfo log() {
        return log;
    }

    CompletableFuture<List<Receipt>> submit(List<Submission> group) throws LedgerException {
        return sequencer.submit(group);
    }

    CompletableFuture<List<Receipt>> submitRotation(Submission rotationEntry, RotatedKey newKey) throws LedgerException {
        return sequencer.submitRotation(rotationEntry, newKey);
    }

    Optional<StoredCheckpoint> awaitCheckpoint(long minSize, Duration timeout) throws InterruptedException {
        return watch.await(minSize, timeout);
    }

    private void publish() {
        while (running) {
            long started = System.nanoTime();
            try {
                Optional<Lease> lease = leases.lease(log.logId());
                if (lease.isPresent()) {
                    integrator.integrate(lease.get());
                    checkpointer.checkpoint(lease.get()).ifPresent(this::published);
                } else {
                    checkpoints.latest(log.logId()).ifPresent(watch::published);
                }
            } catch (Exception e) {
                LOG.error("integrating or checkpointing log {} failed; retrying", log.logId(), e);
            }
            try {
                // at most one checkpoint per interval; wake early on new entries once it has passed
                long spentMillis = (System.nanoTime() - started) / 1_000_000;
                long restMillis = checkpointInterval.toMillis() - spentMillis;
                if (restMillis > 0) {
                    Thread.sleep(restMillis);
                }
                if (sequenced.tryAcquire(1, TimeUnit.SECONDS)) {
                    sequenced.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void published(StoredCheckpoint latest) {
        watch.published(latest);
        for (CheckpointListener listener : listeners) {
            listener.published(log, latest);
        }
    }

    @Override
    public void close() {
        sequencer.close();
        running = false;
        publisher.interrupt();
        try {
            publisher.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
