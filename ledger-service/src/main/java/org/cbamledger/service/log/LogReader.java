package org.cbamledger.service.log;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.service.store.EntryStore;
import org.cbamledger.service.store.LogStore;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.service.tiles.LargestSizes;
import org.cbamledger.service.tiles.TileReader;
import org.cbamledger.signer.HashReader;
import org.cbamledger.signer.TreeHashes;

/**
 * Entries and proofs of the integrated tree. Proofs are computed from hash tiles ({@link TileReader}); the
 * integrated size is read from the database only when a request names a tree beyond the largest seen.
 */
public final class LogReader {
    private final EntryStore entries;
    private final TileReader tiles;
    private final LargestSizes integrated;

    public LogReader(LogStore logs, EntryStore entries, TileReader tiles) {
        this.entries = entries;
        this.tiles = tiles;
        this.integrated = new LargestSizes(logId -> logs.state(logId).integratedSize());
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
        checkInclusion(index, treeSize, integrated.atLeast(logId, treeSize));
        try {
            return inclusion(index, treeSize, tiles.hashes(logId, treeSize));
        } catch (IOException e) {
            throw new SQLException("inclusion proof in log " + logId + " failed", e);
        }
    }

    /**
     * The proof {@link #inclusion} answers, when it needs no database read at all (a tree size already known to be
     * integrated, every tile it reads in the cache): a caller may compute it on a thread that must never block.
     * Empty when a read would be needed; a request {@link #inclusion} refuses is refused alike.
     */
    public Optional<InclusionProof> cachedInclusion(String logId, long index, long treeSize) throws LedgerException {
        long known = integrated.seen(logId);
        if (treeSize < 1 || treeSize > known) {
            return Optional.empty();
        }
        checkInclusion(index, treeSize, known);
        try {
            return Optional.of(inclusion(index, treeSize, tiles.cachedHashes(logId, treeSize)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void checkInclusion(long index, long treeSize, long integrated) throws LedgerException {
        if (treeSize < 1 || treeSize > integrated) {
            throw new LedgerException(Problem.INVALID_PARAMETER,
                    "treeSize " + treeSize + " is outside 1.." + integrated + " (the integrated tree)");
        }
        if (index < 0 || index >= treeSize) {
            throw new LedgerException(Problem.INVALID_PARAMETER, "index " + index + " is not below treeSize " + treeSize);
        }
    }

    private static InclusionProof inclusion(long index, long treeSize, HashReader hashes) throws IOException {
        byte[] leafHash = hashes.readHashes(new long[] {TreeHashes.storedHashIndex(0, index)}).getFirst();
        return new InclusionProof(index, treeSize, leafHash, TreeHashes.proveInclusion(treeSize, index, hashes));
    }

    public ConsistencyProof consistency(String logId, long from, long to) throws LedgerException, SQLException {
        long integratedSize = integrated.atLeast(logId, to);
        if (to > integratedSize || from < 1 || from > to) {
            throw new LedgerException(Problem.INVALID_PARAMETER,
                    "need 1 <= from <= to <= " + integratedSize + " (the integrated tree), got from " + from + " to " + to);
        }
        try {
            List<byte[]> hashes = TreeHashes.proveConsistency(to, from, tiles.hashes(logId, to));
            return new ConsistencyProof(from, to, hashes);
        } catch (IOException e) {
            throw new SQLException("consistency proof in log " + logId + " failed", e);
        }
    }
}
