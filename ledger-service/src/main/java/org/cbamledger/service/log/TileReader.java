package org.cbamledger.service.log;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import org.cbamledger.signer.TilePath;
import org.cbamledger.signer.TreeHashes;

/** C2SP tlog-tiles: hash tiles and entry bundles of the tree under the latest checkpoint. */
public final class TileReader {
    private final CheckpointStore checkpoints;
    private final EntryStore entries;
    private final TreeStore tree;

    public TileReader(CheckpointStore checkpoints, EntryStore entries, TreeStore tree) {
        this.checkpoints = checkpoints;
        this.entries = entries;
        this.tree = tree;
    }

    public byte[] read(String logId, TilePath tile) throws LedgerException, SQLException {
        long published = checkpoints.latest(logId).map(StoredCheckpoint::treeSize).orElse(0L);
        long first = tile.index() * TilePath.FULL_WIDTH;
        int levelBits = tile.isEntries() ? 0 : TilePath.HEIGHT * tile.level();
        if (levelBits >= 62 || first + tile.width() > (published >> levelBits)) {
            throw new LedgerException(Problem.ENTRY_NOT_FOUND,
                    "tile " + tile.path() + " is beyond the published tree of size " + published);
        }
        return tile.isEntries() ? entryBundle(logId, first, tile.width()) : hashTile(logId, levelBits, first, tile.width());
    }

    private byte[] entryBundle(String logId, long first, int width) throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (StoredEntry entry : entries.range(logId, first, first + width)) {
            // C2SP tlog-tiles: each entry prefixed by its length as a big-endian uint16
            int length = entry.envelope().length;
            out.write(length >>> 8);
            out.write(length & 0xff);
            out.writeBytes(entry.envelope());
        }
        return out.toByteArray();
    }

    private byte[] hashTile(String logId, int treeLevel, long first, int width) throws SQLException {
        long[] indexes = new long[width];
        for (int i = 0; i < width; i++) {
            indexes[i] = TreeHashes.storedHashIndex(treeLevel, first + i);
        }
        try {
            List<byte[]> hashes = tree.reader(logId).readHashes(indexes);
            ByteArrayOutputStream out = new ByteArrayOutputStream(width * 32);
            hashes.forEach(out::writeBytes);
            return out.toByteArray();
        } catch (IOException e) {
            throw new SQLException("reading tile hashes of log " + logId + " failed", e);
        }
    }
}
