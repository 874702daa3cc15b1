package org.cbamledger.service.index;

import java.sql.SQLException;
import java.time.Duration;
import org.cbamledger.service.store.LogStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits every log's index on a schedule (CONTRACTS.md, index-commitment): each interval, after the checkpoints it
 * finds, a log gets an index-commitment only when an indexed entry arrived under its latest checkpoint since its
 * last one. An idle log gets none, and the commitment entry itself is not indexed, so it never triggers another.
 */
public final class IndexSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexSchedule.class);

    private final IndexCommitter committer;
    private final LogStore logs;
    private final Duration interval;
    private final Thread worker;

    /** A zero or negative interval starts nothing: commitments are then made only on request. */
    public IndexSchedule(IndexCommitter committer, LogStore logs, Duration interval) {
        this.committer = committer;
        this.logs = logs;
        this.interval = interval;
        this.worker = interval.isPositive() ? Thread.ofVirtual().name("index-commit").start(this::run) : null;
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(interval.toMillis());
                for (String logId : logs.logIds()) {
                    commit(logId);
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                LOG.warn("listing the logs to commit their index failed; retrying", e);
            }
        }
    }

    private void commit(String logId) {
        try {
            committer.commitIfChanged(logId);
        } catch (Exception e) {
            // one log's failure (its sequencer full, the database away) must not stop the others' commitments
            LOG.warn("committing the index of log {} failed; retrying next interval", logId, e);
        }
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.interrupt();
        }
    }
}
