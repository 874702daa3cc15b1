package org.cbamledger.service.log;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.cbamledger.service.problem.LedgerException;

/**
 * Work another subsystem does inside the transaction that sequences a group (the deployment's claim map in
 * {@code service.claims}): the write path calls it without knowing what it is, so {@code log} does not depend on it.
 */
@FunctionalInterface
public interface SequencingHook {
    /**
     * Before the group is planned: refuses it whole with a {@link LedgerException}, or answers what to record once
     * the group has its receipts.
     */
    Recording check(Connection c, String logId, List<Submission> group) throws SQLException, LedgerException;

    /** What {@link #check} found, written in the same transaction once the group's receipts are known. */
    @FunctionalInterface
    interface Recording {
        void record(Connection c, List<Receipt> receipts) throws SQLException;
    }
}
