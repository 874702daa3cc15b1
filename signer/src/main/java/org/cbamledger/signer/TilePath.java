package org.cbamledger.signer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * C2SP tlog-tiles resource paths: "tile/<L>/<N>[.p/<W>]" for hash tiles and
 * "tile/entries/<N>[.p/<W>]" for entry bundles, N in 3-digit groups with "x" before all but the last.
 *
 * @param level tile level 0..63, or -1 for an entry bundle
 * @param index tile index N
 * @param width 256 for a full tile, 1..255 for a partial one
 */
public record TilePath(int level, long index, int width) {
    public static final int HEIGHT = 8;
    public static final int FULL_WIDTH = 1 << HEIGHT;
    public static final int ENTRIES = -1;

    private static final Pattern PATH = Pattern.compile(
            "tile/(entries|0|[1-9][0-9]?)/((?:x[0-9]{3}/)*[0-9]{3})(?:\\.p/([1-9][0-9]{0,2}))?");

    public TilePath {
        if (level < ENTRIES || level > 63) {
            throw new IllegalArgumentException("tile level " + level + " is out of range");
        }
        if (index < 0) {
            throw new IllegalArgumentException("tile index " + index + " is negative");
        }
        if (width < 1 || width > FULL_WIDTH) {
            throw new IllegalArgumentException("tile width " + width + " is out of range");
        }
    }

    public static TilePath tile(int level, long index, int width) {
        return new TilePath(level, index, width);
    }

    public static TilePath entries(long index, int width) {
        return new TilePath(ENTRIES, index, width);
    }

    public boolean isEntries() {
        return level == ENTRIES;
    }

    public boolean isPartial() {
        return width < FULL_WIDTH;
    }

    public String path() {
        String base = "tile/" + (isEntries() ? "entries" : Integer.toString(level)) + "/" + encodeIndex(index);
        return isPartial() ? base + ".p/" + width : base;
    }

    /** 1234067 -> "x001/x234/067" */
    public static String encodeIndex(long n) {
        String s = String.format("%03d", n % 1000);
        for (n /= 1000; n > 0; n /= 1000) {
            s = String.format("x%03d/", n % 1000) + s;
        }
        return s;
    }

    public static TilePath parse(String path) throws SignerException {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            throw new SignerException("tile path \"" + path + "\" is malformed");
        }
        int level = m.group(1).equals("entries") ? ENTRIES : Integer.parseInt(m.group(1));
        String[] groups = m.group(2).split("/");
        if (groups.length > 7 || (groups.length > 1 && groups[0].equals("x000"))) {
            throw new SignerException("tile path \"" + path + "\" is malformed");
        }
        long index = 0;
        for (String group : groups) {
            index = Math.multiplyExact(index, 1000) + Integer.parseInt(group.startsWith("x") ? group.substring(1) : group);
        }
        int width = m.group(3) == null ? FULL_WIDTH : Integer.parseInt(m.group(3));
        if (level > 63 || (m.group(3) != null && width >= FULL_WIDTH)) {
            throw new SignerException("tile path \"" + path + "\" is malformed");
        }
        return new TilePath(level, index, width);
    }

    /** The tile at this level and index as it stands in a tree of treeSize leaves, or null if it has no hashes yet. */
    public static TilePath forTreeSize(int level, long index, long treeSize) {
        int treeLevel = HEIGHT * (level == ENTRIES ? 0 : level);
        long levelSize = treeSize >> treeLevel; // complete nodes in the tile level's bottom row
        long start = index * FULL_WIDTH;
        if (levelSize <= start) {
            return null;
        }
        return new TilePath(level, index, (int) Math.min(FULL_WIDTH, levelSize - start));
    }
}
