package org.cbamledger.service.tiles;

import java.io.IOException;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.List;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.service.store.CheckpointStore;
import org.cbamledger.service.store.EntryStore;
import org.cbamledger.service.store.StoredCheckpoint;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.service.store.TreeStore;
import org.cbamledger.signer.HashReader;
import org.cbamledger.signer.Sha256;
import org.cbamledger.signer.TileData;
import org.cbamledger.signer.TilePath;

/**
 * C2SP tlog-tiles: hash tiles and entry bundles of the tree under the latest checkpoint, and the stored hashes of
 * any integrated tree read through hash tiles kept in a {@link TileCache}. Reads see committed rows only and take
 * no lock of the write path.
 */
public final class TileReader {
    private final CheckpointStore checkpoints;
    private final EntryStore entries;
    private final TreeStore tree;
    private final TileCache cache;
    /** The largest checkpoint size seen per log: sizes only grow, so a tile within it needs no database read. */
    private final LargestSizes published;

    public TileReader(CheckpointStore checkpoints, EntryStore entries, TreeStore tree, long cacheBytes) {
        this.checkpoints = checkpoints;
        this.entries = entries;
        this.tree = tree;
        this.cache = new TileCache(cacheBytes);
        this.published = new LargestSizes(logId -> checkpoints.latest(logId).map(StoredCheckpoint::treeSize).orElse(0L));
    }

    public ServedTile read(String logId, TilePath tile) throws LedgerException, SQLException {
        long leaves = leavesCovered(tile);
        if (leaves > published.atLeast(logId, leaves)) {
            throw new LedgerException(Problem.ENTRY_NOT_FOUND,
                    "tile " + tile.path() + " is beyond the published tree of size " + published.seen(logId));
        }
        if (tile.isEntries()) {
            return entryBundle(logId, tile.index() * TilePath.FULL_WIDTH, tile.width());
        }
        try {
            byte[] row = nodes(logId, tile.level(), tile.index(), tile.width()).bottomRow();
            return new ServedTile(row, Sha256.digest(row));
        } catch (IOException e) {
            throw new SQLException("reading tile " + tile.path() + " of log " + logId + " failed", e);
        }
    }

    /** The stored hashes of the log's tree of {@code treeSize} leaves; the caller makes sure it is integrated. */
    public HashReader hashes(String logId, long treeSize) {
        return new TileHashReader(treeSize, (level, index, width) -> nodes(logId, level, index, width));
    }

    /** As {@link #hashes}, reading the tile cache only: a tile it lacks is an {@link IOException}, never a query. */
    public HashReader cachedHashes(String logId, long treeSize) {
        return new TileHashReader(treeSize, (level, index, width) -> {
            TileNodes nodes = cache.get(new TileCache.Key(logId, level, index, width));
            if (nodes == null) {
                throw new IOException("tile " + TilePath.tile(level, index, width).path() + " of log " + logId
                        + " is not cached");
            }
            return nodes;
        });
    }

    /** The tree size from which the tile is complete at its width; {@code Long.MAX_VALUE} beyond any tree. */
    private static long leavesCovered(TilePath tile) {
        int levelBits = tile.isEntries() ? 0 : TilePath.HEIGHT * tile.level();
        try {
            long nodes = Math.addExact(Math.multiplyExact(tile.index(), TilePath.FULL_WIDTH), tile.width());
            return levelBits >= Long.SIZE - 1 ? Long.MAX_VALUE : Math.multiplyExact(nodes, 1L << levelBits);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private TileNodes nodes(String logId, int level, long index, int width) throws IOException {
        TileCache.Key key = new TileCache.Key(logId, level, index, width);
        TileNodes nodes = cache.get(key);
        if (nodes == null) {
            nodes = new TileNodes(TileData.read(TilePath.tile(level, index, width), tree.reader(logId)));
            cache.put(key, nodes);
        }
        return nodes;
    }

    /** The C2SP entry bundle and the digest of its leaf hashes ({@link ServedTile}). */
    private ServedTile entryBundle(String logId, long first, int width) throws SQLException {
        List<StoredEntry> stored = entries.range(logId, first, first + width);
        MessageDigest leafHashes = Sha256.newDigest();
        int size = 0;
        for (StoredEntry entry : stored) {
            size += 2 + entry.envelope().length;
            leafHashes.update(entry.leafHash());
        }
        // sized once: a year's read back serves 900 MB of bundles, each grown and copied again otherwise
        byte[] bundle = new byte[size];
        int at = 0;
        for (StoredEntry entry : stored) {
            // C2SP tlog-tiles: each entry prefixed by its length as a big-endian uint16
            int length = entry.envelope().length;
            bundle[at] = (byte) (length >>> 8);
            bundle[at + 1] = (byte) length;
            System.arraycopy(entry.envelope(), 0, bundle, at + 2, length);
            at += 2 + length;
        }
        return new ServedTile(bundle, leafHashes.digest());
    }
}
