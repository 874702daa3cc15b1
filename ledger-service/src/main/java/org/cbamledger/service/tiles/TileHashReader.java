package org.cbamledger.service.tiles;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.cbamledger.signer.HashReader;
import org.cbamledger.signer.TilePath;
import org.cbamledger.signer.TreeHashes;

/**
 * The stored hashes ({@link TreeHashes} layout) of the tree of {@code treeSize} leaves, read from its hash tiles as
 * they stand at that size: a node of level {@code l} is in the tile of level {@code l / 8}, {@code l % 8} rows above
 * the tile's own hashes.
 */
final class TileHashReader implements HashReader {
    /** The tile (level, index) of the given width; its content never depends on anything but these three. */
    @FunctionalInterface
    interface TileSource {
        TileNodes tile(int level, long index, int width) throws IOException;
    }

    private final long treeSize;
    private final TileSource tiles;

    TileHashReader(long treeSize, TileSource tiles) {
        this.treeSize = treeSize;
        this.tiles = tiles;
    }

    @Override
    public List<byte[]> readHashes(long[] storedHashIndexes) throws IOException {
        List<byte[]> hashes = new ArrayList<>(storedHashIndexes.length);
        TileNodes last = null;
        long lastLevel = -1;
        long lastIndex = -1;
        for (long stored : storedHashIndexes) {
            long[] node = levelAndIndex(stored);
            int level = (int) node[0];
            int tileLevel = level / TilePath.HEIGHT;
            int height = level % TilePath.HEIGHT;
            long tileIndex = (node[1] << height) >>> TilePath.HEIGHT;
            TilePath tile = TilePath.forTreeSize(tileLevel, tileIndex, treeSize);
            if (tile == null) {
                throw new IOException("tree hash " + stored + " is beyond the tree of size " + treeSize);
            }
            if (tileLevel != lastLevel || tileIndex != lastIndex) {
                last = tiles.tile(tileLevel, tileIndex, tile.width());
                lastLevel = tileLevel;
                lastIndex = tileIndex;
            }
            byte[] hash = last.node(height, (int) (node[1] - (tileIndex << (TilePath.HEIGHT - height))));
            if (hash == null) {
                throw new IOException("tree hash " + stored + " is not complete in the tree of size " + treeSize);
            }
            hashes.add(hash);
        }
        return hashes;
    }

    /**
     * The inverse of {@link TreeHashes#storedHashIndex}: {level, n}. Record n's hashes start at
     * storedHashIndex(0, n) = 2n - bitCount(n), so n is the largest such start not above the index, at most 64
     * past index / 2; the hashes written with it are (0, n), (1, n / 2), (2, n / 4), ...
     */
    static long[] levelAndIndex(long storedHashIndex) {
        if (storedHashIndex < 0) {
            throw new IllegalArgumentException("stored hash index " + storedHashIndex + " is negative");
        }
        long n = storedHashIndex / 2;
        while (recordStart(n + 1) <= storedHashIndex) {
            n++;
        }
        int level = (int) (storedHashIndex - recordStart(n));
        return new long[] {level, n >> level};
    }

    private static long recordStart(long n) {
        return 2 * n - Long.bitCount(n);
    }
}
