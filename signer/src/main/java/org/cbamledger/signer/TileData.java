package org.cbamledger.signer;

import java.io.IOException;
import java.util.List;

/**
 * The bytes of a C2SP tlog-tiles hash tile, read from stored hashes (golang.org/x/mod/sumdb/tlog
 * tile.go ReadTileData): tile (L, N, W) holds the W hashes of tree level 8L starting at node N * 256.
 */
public final class TileData {
    private TileData() {}

    public static byte[] read(TilePath tile, HashReader reader) throws IOException {
        if (tile.isEntries()) {
            throw new IllegalArgumentException("an entry bundle holds entries, not stored hashes");
        }
        int treeLevel = TilePath.HEIGHT * tile.level();
        long firstNode = tile.index() * TilePath.FULL_WIDTH;
        long[] indexes = new long[tile.width()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = TreeHashes.storedHashIndex(treeLevel, firstNode + i);
        }
        List<byte[]> hashes = reader.readHashes(indexes);
        if (hashes.size() != indexes.length) {
            throw new IOException("tlog: readHashes(" + indexes.length + " indexes) = " + hashes.size() + " hashes");
        }
        byte[] data = new byte[indexes.length * Merkle.HASH_BYTES];
        for (int i = 0; i < hashes.size(); i++) {
            System.arraycopy(hashes.get(i), 0, data, i * Merkle.HASH_BYTES, Merkle.HASH_BYTES);
        }
        return data;
    }
}
