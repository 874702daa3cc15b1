package org.cbamledger.service.log;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.cbamledger.service.lease.Lease;
import org.cbamledger.service.store.EntryStore;
import org.cbamledger.service.store.LogStore;
import org.cbamledger.service.store.TreeStore;
import org.cbamledger.signer.HashReader;
import org.cbamledger.signer.TreeHashes;

/**
 * Adds sequenced entries to the Merkle tree: stores the tlog stored hashes of each new leaf, so that
 * proofs and tree heads later read O(log n) hashes, and records the integrated size and root.
 */
public final class Integrator {
    private static final int MAX_LEAVES_PER_TRANSACTION = 4096;

    private final String logId;
    private final DataSource dataSource;

    public Integrator(String logId, DataSource dataSource) {
        this.logId = logId;
        this.dataSource = dataSource;
    }

    /** Integrates everything sequenced so far, each transaction fenced by the lease; returns the integrated size. */
    public long integrate(Lease lease) throws SQLException, IOException {
        while (true) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    lease.check(c);
                    long size = LogStore.integratedSize(c, logId);
                    long sequenced = LogStore.sequencedSize(c, logId, false);
                    if (size >= sequenced) {
                        c.rollback();
                        return size;
                    }
                    long newSize = Math.min(sequenced, size + MAX_LEAVES_PER_TRANSACTION);
                    integrate(c, size, newSize);
                    c.commit();
                    if (newSize == sequenced) {
                        // caught up with the transaction's snapshot: entries sequenced since wait for the next round,
                        // so that the checkpoint of these is not held back by another transaction finding nothing
                        return newSize;
                    }
                } catch (SQLException | IOException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            }
        }
    }

    private void integrate(Connection c, long size, long newSize) throws SQLException, IOException {
        List<byte[]> leafHashes = EntryStore.leafHashes(c, logId, size, newSize);
        if (leafHashes.size() != newSize - size) {
            throw new SQLException("log " + logId + " has " + leafHashes.size() + " entries in [" + size + ", " + newSize + ")");
        }
        Map<Long, byte[]> written = new HashMap<>();
        HashReader reader = indexes -> read(c, written, indexes);
        long firstHashIndex = TreeHashes.storedHashCount(size);
        List<byte[]> hashes = new ArrayList<>();
        for (long n = size; n < newSize; n++) {
            List<byte[]> leafStored = TreeHashes.storedHashes(n, leafHashes.get((int) (n - size)), reader);
            long base = TreeHashes.storedHashCount(n);
            for (int i = 0; i < leafStored.size(); i++) {
                written.put(base + i, leafStored.get(i));
            }
            hashes.addAll(leafStored);
        }
        TreeStore.insert(c, logId, firstHashIndex, hashes);
        LogStore.setIntegrated(c, logId, newSize, TreeHashes.treeHash(newSize, reader));
    }

    private List<byte[]> read(Connection c, Map<Long, byte[]> written, long[] indexes) throws IOException {
        List<byte[]> result = new ArrayList<>(indexes.length);
        List<Long> missing = new ArrayList<>();
        for (long index : indexes) {
            if (!written.containsKey(index)) {
                missing.add(index);
            }
        }
        Map<Long, byte[]> stored = new HashMap<>();
        if (!missing.isEmpty()) {
            long[] wanted = missing.stream().mapToLong(Long::longValue).toArray();
            try {
                List<byte[]> read = TreeStore.read(c, logId, wanted);
                for (int i = 0; i < wanted.length; i++) {
                    stored.put(wanted[i], read.get(i));
                }
            } catch (SQLException e) {
                throw new IOException("reading tree hashes of log " + logId + " failed", e);
            }
        }
        for (long index : indexes) {
            byte[] hash = written.get(index);
            result.add(hash != null ? hash : stored.get(index));
        }
        return result;
    }
}
