package org.cbamledger.service.log;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import org.cbamledger.signer.TreeHashes;

/** Entries and proofs of the integrated tree. */
public final class LogReader {
    private final LogStore logs;
    private final EntryStore entries;
    private final TreeStore tree;

    public LogReader(LogStore logs, EntryStore entries, TreeStore tree) {
        this.logs = logs;
        this.entries = entries;
        this.tree = tree;
    }

    public StoredEntry entry(String logId, long index) throws LedgerException, SQLException {
        return entries.byIndex(logId, index).orElseThrow(
                () -> new LedgerException(Problem.ENTRY_NOT_FOUND, "log " + logId + " has no entry " + index));
    }

    public StoredEntry entryByLeafHash(String logId, byte[] leafHash) throws LedgerException, SQLException {
        return entries.byLeafHash(logId, leafHash).orElseThrow(() -> new LedgerException(Problem.ENTRY_NOT_FOUND,
                "log " + logId + " has no entry with that leaf hash"));
    }

    public InclusionProof inclusion(String logId, long index, long treeSize) throws LedgerException, SQLException {
        long integrated = logs.state(logId).integratedSize();
        if (treeSize < 1 || treeSize > integrated) {
            throw new LedgerException(Problem.INVALID_PARAMETER,
                    "treeSize " + treeSize + " is outside 1.." + integrated + " (the integrated tree)");
        }
        if (index < 0 || index >= treeSize) {
            throw new LedgerException(Problem.INVALID_PARAMETER, "index " + index + " is not below treeSize " + treeSize);
        }
        StoredEntry entry = entry(logId, index);
        try {
            List<byte[]> hashes = TreeHashes.proveInclusion(treeSize, index, tree.reader(logId));
            return new InclusionProof(index, treeSize, entry.leafHash(), hashes);
        } catch (IOException e) {
            throw new SQLException("inclusion proof in log " + logId + " failed", e);
        }
    }

    public ConsistencyProof consistency(String logId, long from, long to) throws LedgerException, SQLException {
        long integrated = logs.state(logId).integratedSize();
        if (to > integrated || from < 1 || from > to) {
            throw new LedgerException(Problem.INVALID_PARAMETER,
                    "need 1 <= from <= to <= " + integrated + " (the integrated tree), got from " + from + " to " + to);
        }
        try {
            return new ConsistencyProof(from, to, TreeHashes.proveConsistency(to, from, tree.reader(logId)));
        } catch (IOException e) {
            throw new SQLException("consistency proof in log " + logId + " failed", e);
        }
    }
}
