package org.cbamledger.verifier.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cbamledger.signer.HashReader;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.TileData;
import org.cbamledger.signer.TilePath;
import org.cbamledger.signer.TreeHashes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tiles a v2 bundle carries prove any subset of leaves into the root, at every tree shape, and nothing else. */
class TileTreeTest {
    private final List<byte[]> stored = new ArrayList<>();
    private final HashReader reader = indexes -> {
        List<byte[]> hashes = new ArrayList<>();
        for (long i : indexes) {
            hashes.add(stored.get(Math.toIntExact(i)));
        }
        return hashes;
    };

    private void grow(long size) throws IOException {
        Random random = new Random(size);
        for (long n = 0; n < size; n++) {
            byte[] leaf = new byte[32];
            random.nextBytes(leaf);
            stored.addAll(TreeHashes.storedHashes(n, Merkle.leafHash(leaf), reader));
        }
    }

    private Map<TilePath, byte[]> tiles(long size, List<Long> leaves) throws IOException {
        Map<TilePath, byte[]> tiles = new HashMap<>();
        for (TilePath tile : BundleTiles.required(size, leaves)) {
            tiles.put(tile, TileData.read(tile, reader));
        }
        return tiles;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 255, 256, 257, 511, 65_535, 65_536, 65_537, 70_001})
    void subsetOfLeaves_isProven_andAnyChangedTileIsNamed(long size) throws IOException {
        grow(size);
        byte[] root = TreeHashes.treeHash(size, reader);
        List<Long> leaves = size > 3 ? List.of(0L, 1L, size / 2, size - 1) : List.of(size - 1);
        Map<TilePath, byte[]> tiles = tiles(size, leaves);

        TileTree tree = TileTree.prove(size, root, tiles);
        assertEquals(List.of(), tree.problems());
        for (long leaf : leaves) {
            assertArrayEquals(reader.readHashes(new long[] {TreeHashes.storedHashIndex(0, leaf)}).getFirst(),
                    tree.leafHash(leaf));
        }

        for (TilePath changed : tiles.keySet()) {
            Map<TilePath, byte[]> forged = new HashMap<>(tiles);
            byte[] bytes = tiles.get(changed).clone();
            bytes[bytes.length - 1] ^= 1;
            forged.put(changed, bytes);
            TileTree broken = TileTree.prove(size, root, forged);
            assertTrue(broken.problems().stream().anyMatch(p -> p.file().equals(changed.path())),
                    () -> changed.path() + " changed, problems " + broken.problems());
            if (changed.level() == 0) {
                long lastLeaf = changed.index() * 256 + changed.width() - 1;
                assertNull(broken.leafHash(lastLeaf));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {300, 65_537})
    void missingTileAbove_leavesTheTileBelowUnproven(long size) throws IOException {
        grow(size);
        Map<TilePath, byte[]> tiles = tiles(size, List.of(0L));
        TilePath above = TilePath.forTreeSize(1, 0, size);
        tiles.remove(above);

        TileTree tree = TileTree.prove(size, TreeHashes.treeHash(size, reader), tiles);
        assertFalse(tree.problems().isEmpty());
        assertNull(tree.leafHash(0));
    }
}
