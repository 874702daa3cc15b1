package org.cbamledger.verifier.bundle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.TilePath;

/**
 * Proves a v2 bundle's hash tiles against its checkpoint's root (RFC 9162 §2.1.1 over C2SP tlog-tiles): the right
 * edge's partial tiles must recompute the root; each full tile must hash to the entry the tile above holds for it,
 * and that tile be proven in turn. A level-0 hash is proven when its tile is.
 */
public final class TileTree {
    private final long treeSize;
    private final Map<TilePath, byte[]> tiles;
    private final Set<TilePath> proven = new HashSet<>();
    private final List<LayoutProblem> problems = new ArrayList<>();

    private TileTree(long treeSize, Map<TilePath, byte[]> tiles) {
        this.treeSize = treeSize;
        this.tiles = tiles;
    }

    /** @param tiles the bundle's tiles by path, each already checked to hold 32 bytes per hash of its width */
    public static TileTree prove(long treeSize, byte[] rootHash, Map<TilePath, byte[]> tiles) {
        TileTree tree = new TileTree(treeSize, tiles);
        tree.proveRightEdge(rootHash);
        int top = BundleTiles.topLevel(treeSize);
        for (int level = top - 1; level >= 0; level--) {
            final int l = level;
            tiles.keySet().stream().filter(t -> t.level() == l && !t.isPartial()).sorted(BundleTiles.ORDER)
                    .forEach(tree::proveFull);
        }
        return tree;
    }

    /** Problems found, each naming its tile; empty when every tile is proven. */
    public List<LayoutProblem> problems() {
        return List.copyOf(problems);
    }

    /** The proven leaf hash of this leaf, or null when its level-0 tile is absent or not proven. */
    public byte[] leafHash(long leaf) {
        TilePath tile = TilePath.forTreeSize(0, leaf >>> TilePath.HEIGHT, treeSize);
        if (tile == null || !proven.contains(tile)) {
            return null;
        }
        int at = (int) (leaf % TilePath.FULL_WIDTH) * Merkle.HASH_BYTES;
        return Arrays.copyOfRange(tiles.get(tile), at, at + Merkle.HASH_BYTES);
    }

    /** The level-0 tile's path that holds this leaf's hash. */
    public String leafTileFile(long leaf) {
        return TilePath.forTreeSize(0, leaf >>> TilePath.HEIGHT, treeSize).path();
    }

    private void proveRightEdge(byte[] rootHash) {
        List<TilePath> edge = new ArrayList<>();
        List<byte[]> subtrees = new ArrayList<>();
        for (int level = BundleTiles.topLevel(treeSize); level >= 0; level--) {
            long levelSize = treeSize >>> (TilePath.HEIGHT * level);
            int width = (int) (levelSize % TilePath.FULL_WIDTH);
            if (width == 0) {
                continue;
            }
            TilePath tile = TilePath.forTreeSize(level, levelSize / TilePath.FULL_WIDTH, treeSize);
            byte[] hashes = tiles.get(tile);
            if (hashes == null) {
                problems.add(new LayoutProblem(tile.path(), "missing: the right edge of the tree needs this tile"));
                return;
            }
            edge.add(tile);
            int offset = 0;
            for (int bit = TilePath.HEIGHT - 1; bit >= 0; bit--) {
                if ((width & (1 << bit)) != 0) {
                    subtrees.add(subtreeHash(hashes, offset, 1 << bit));
                    offset += 1 << bit;
                }
            }
        }
        byte[] root = subtrees.getLast();
        for (int i = subtrees.size() - 2; i >= 0; i--) {
            root = Merkle.nodeHash(subtrees.get(i), root);
        }
        if (Arrays.equals(root, rootHash)) {
            proven.addAll(edge);
            return;
        }
        for (TilePath tile : edge) {
            problems.add(new LayoutProblem(tile.path(), "the right edge of the tree (partial tiles "
                    + String.join(", ", edge.stream().map(TilePath::path).toList())
                    + ") does not recompute the checkpoint's root hash"));
        }
    }

    private void proveFull(TilePath tile) {
        TilePath parent = TilePath.forTreeSize(tile.level() + 1, tile.index() >>> TilePath.HEIGHT, treeSize);
        if (!proven.contains(parent)) {
            problems.add(new LayoutProblem(tile.path(), "not proven: the tile above it, " + parent.path()
                    + ", is " + (tiles.containsKey(parent) ? "not proven" : "missing")));
            return;
        }
        byte[] hash = subtreeHash(tiles.get(tile), 0, TilePath.FULL_WIDTH);
        int at = (int) (tile.index() % TilePath.FULL_WIDTH) * Merkle.HASH_BYTES;
        byte[] stated = Arrays.copyOfRange(tiles.get(parent), at, at + Merkle.HASH_BYTES);
        if (!Arrays.equals(hash, stated)) {
            problems.add(new LayoutProblem(tile.path(), "hashes to " + HexFormat.of().formatHex(hash) + ", but "
                    + parent.path() + " holds " + HexFormat.of().formatHex(stated) + " for it"));
            return;
        }
        proven.add(tile);
    }

    /** RFC 9162 MTH of {@code count} (a power of two) consecutive hashes of a tile. */
    private static byte[] subtreeHash(byte[] hashes, int first, int count) {
        byte[][] level = new byte[count][];
        for (int i = 0; i < count; i++) {
            int at = (first + i) * Merkle.HASH_BYTES;
            level[i] = Arrays.copyOfRange(hashes, at, at + Merkle.HASH_BYTES);
        }
        for (int n = count; n > 1; n /= 2) {
            for (int i = 0; i < n / 2; i++) {
                level[i] = Merkle.nodeHash(level[2 * i], level[2 * i + 1]);
            }
        }
        return level[0];
    }
}
