package org.cbamledger.service.log;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.cbamledger.service.lease.Lease;
import org.cbamledger.service.store.CheckpointStore;
import org.cbamledger.service.store.LogInfo;
import org.cbamledger.service.store.LogKeyStore;
import org.cbamledger.service.store.LogStore;
import org.cbamledger.service.store.StoredCheckpoint;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.NoteSigner;

/**
 * Signs a C2SP checkpoint of the integrated tree with the log's note key(s) and stores it: after a rotation, with
 * the old and the new key until {@code logKeyOverlap} has passed, then with the new key alone ({@link LogKeys}).
 */
public final class Checkpointer {
    private final LogInfo log;
    private final DataSource dataSource;
    private final CheckpointStore checkpoints;
    private final Clock clock;
    private final Duration logKeyOverlap;

    public Checkpointer(LogInfo log, DataSource dataSource, CheckpointStore checkpoints, Clock clock,
            Duration logKeyOverlap) {
        this.log = log;
        this.dataSource = dataSource;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.logKeyOverlap = logKeyOverlap;
    }

    /**
     * Signs a checkpoint when the integrated tree is larger than the latest one; returns the latest. Reading the
     * tree and storing the checkpoint are one transaction fenced by the lease, and (log, size) is the table's
     * primary key: a stale holder cannot store a checkpoint, and no size gets two.
     */
    public Optional<StoredCheckpoint> checkpoint(Lease lease) throws SQLException {
        Optional<StoredCheckpoint> latest = checkpoints.latest(log.logId());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                lease.check(c);
                long size = LogStore.integratedSize(c, log.logId());
                byte[] root = LogStore.integratedRoot(c, log.logId());
                if (size == 0 || (latest.isPresent() && latest.get().treeSize() >= size)) {
                    c.rollback();
                    return latest;
                }
                String body = new Checkpoint(log.origin(), size, root, List.of()).body();
                List<NoteSigner> signers = LogKeyStore.keys(c, log).checkpointSigners(size, clock.instant(),
                        logKeyOverlap);
                StoredCheckpoint signed = new StoredCheckpoint(size, root,
                        NoteSigner.sign(body, signers.toArray(NoteSigner[]::new)));
                CheckpointStore.insert(c, signed, log.logId());
                c.commit();
                return Optional.of(signed);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
