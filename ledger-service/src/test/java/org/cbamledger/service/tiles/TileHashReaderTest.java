package org.cbamledger.service.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.cbamledger.signer.HashReader;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.TileData;
import org.cbamledger.signer.TilePath;
import org.cbamledger.signer.TreeHashes;
import org.junit.jupiter.api.Test;

/** Proofs read through hash tiles against proofs read from every stored hash, as the database holds them. */
class TileHashReaderTest {
    private static final int LEAVES = 70_000; // past 256^2: three tile levels, partial tiles at each

    private final List<byte[]> stored = storedHashes(LEAVES);
    private final HashReader all = readerOf(stored);

    private static HashReader readerOf(List<byte[]> stored) {
        return indexes -> {
            List<byte[]> hashes = new ArrayList<>();
            for (long index : indexes) {
                hashes.add(stored.get((int) index));
            }
            return hashes;
        };
    }

    private static List<byte[]> storedHashes(int leaves) {
        List<byte[]> stored = new ArrayList<>();
        HashReader sofar = readerOf(stored);
        try {
            for (int n = 0; n < leaves; n++) {
                stored.addAll(TreeHashes.storedHashes(n, Merkle.leafHash(ByteBuffer.allocate(4).putInt(n).array()), sofar));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return stored;
    }

    private HashReader tiled(long treeSize) {
        return new TileHashReader(treeSize, (level, index, width) ->
                new TileNodes(TileData.read(TilePath.tile(level, index, width), all)));
    }

    @Test
    void levelAndIndex_invertsStoredHashIndex() {
        for (int level = 0; level < 20; level++) {
            for (long n : new long[] {0, 1, 2, 3, 254, 255, 256, 257, 65_535, 65_536, 1L << 40, (1L << 40) + 7}) {
                long[] back = TileHashReader.levelAndIndex(TreeHashes.storedHashIndex(level, n));
                assertEquals(level, back[0], "level of (" + level + ", " + n + ")");
                assertEquals(n, back[1], "index of (" + level + ", " + n + ")");
            }
        }
        for (long stored = 0; stored < 10_000; stored++) {
            long[] node = TileHashReader.levelAndIndex(stored);
            assertEquals(stored, TreeHashes.storedHashIndex((int) node[0], node[1]));
        }
    }

    @Test
    void inclusionAndConsistencyProofs_fromTiles_equalThoseFromStoredHashes() throws IOException {
        long[] sizes = {1, 2, 3, 255, 256, 257, 511, 512, 513, 65_535, 65_536, 65_537, LEAVES};
        for (long size : sizes) {
            HashReader tiles = tiled(size);
            assertArrayEquals(TreeHashes.treeHash(size, all), TreeHashes.treeHash(size, tiles), "root of " + size);
            for (long index : new long[] {0, size / 3, size / 2, size - 2, size - 1}) {
                if (index < 0) {
                    continue;
                }
                List<byte[]> expected = TreeHashes.proveInclusion(size, index, all);
                List<byte[]> actual = TreeHashes.proveInclusion(size, index, tiles);
                assertEquals(expected.size(), actual.size(), "proof of " + index + " in " + size);
                for (int i = 0; i < expected.size(); i++) {
                    assertArrayEquals(expected.get(i), actual.get(i), "hash " + i + " of the proof of " + index + " in " + size);
                }
            }
            for (long old : new long[] {1, size / 2, size - 1, size}) {
                if (old >= 1) {
                    List<byte[]> expected = TreeHashes.proveConsistency(size, old, all);
                    List<byte[]> actual = TreeHashes.proveConsistency(size, old, tiles);
                    for (int i = 0; i < expected.size(); i++) {
                        assertArrayEquals(expected.get(i), actual.get(i), "consistency " + old + " -> " + size);
                    }
                }
            }
        }
    }

    @Test
    void hashBeyondTheTree_isRefused() {
        HashReader tiles = tiled(300);
        assertThrows(IOException.class, () -> tiles.readHashes(new long[] {TreeHashes.storedHashIndex(0, 300)}));
        // node (8, 1) covers leaves 256..511: not complete in a tree of 300
        assertThrows(IOException.class, () -> tiles.readHashes(new long[] {TreeHashes.storedHashIndex(8, 1)}));
        assertThrows(IOException.class, () -> tiles.readHashes(new long[] {TreeHashes.storedHashIndex(3, 37)}));
    }
}
