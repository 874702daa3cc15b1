package org.cbamledger.verifier.bundle;

import java.util.Comparator;
import java.util.TreeSet;
import org.cbamledger.signer.TilePath;

/**
 * Which C2SP tlog-tiles hash tiles a v2 bundle carries (api-spec/BUNDLE.md): for every bundled leaf, the tile holding
 * it and each tile above that holds a complete ancestor of it; and the right edge of the tree, the partial tile of every level
 * that has one, from which the checkpoint's root is computed. Full tiles are proven by the tile above them, the right
 * edge by the root: together they prove every bundled leaf hash into the checkpoint.
 */
public final class BundleTiles {
    public static final Comparator<TilePath> ORDER =
            Comparator.comparingInt(TilePath::level).thenComparingLong(TilePath::index);

    private BundleTiles() {}

    /** The highest tile level of a tree of this size (0 for up to 255 leaves). */
    public static int topLevel(long treeSize) {
        int level = 0;
        while ((treeSize >>> (TilePath.HEIGHT * (level + 1))) > 0) {
            level++;
        }
        return level;
    }

    /** The tiles a bundle of these leaves (ascending, each below {@code treeSize}) carries, in level then index order. */
    public static TreeSet<TilePath> required(long treeSize, Iterable<Long> leaves) {
        TreeSet<TilePath> tiles = new TreeSet<>(ORDER);
        int top = topLevel(treeSize);
        long previousTile = -1;
        for (long leaf : leaves) {
            long tile = leaf >>> TilePath.HEIGHT;
            if (tile == previousTile) {
                continue;
            }
            previousTile = tile;
            for (int level = 0; level <= top; level++) {
                TilePath holding = TilePath.forTreeSize(level, leaf >>> (TilePath.HEIGHT * (level + 1)), treeSize);
                if (holding == null) {
                    break; // the leaf's ancestor at this level is not complete: the right edge below proves it
                }
                tiles.add(holding);
            }
        }
        for (int level = 0; level <= top; level++) {
            long levelSize = treeSize >>> (TilePath.HEIGHT * level);
            if (levelSize % TilePath.FULL_WIDTH != 0) {
                tiles.add(TilePath.forTreeSize(level, levelSize / TilePath.FULL_WIDTH, treeSize));
            }
        }
        return tiles;
    }
}
