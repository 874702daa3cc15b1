package org.cbamledger.service.tiles;

import java.util.Arrays;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.TilePath;

/**
 * One hash tile (the hashes of one tree level, 8L, from node N * 256 on) with every complete node above that row
 * inside the tile, heights 1 to 7: what an inclusion or consistency proof reads from a tile, hashed once.
 */
final class TileNodes {
    private final byte[][] rows;

    /** {@code bottom}: the tile's hashes, 32 bytes each, as served at {@code tile/<L>/<N>[.p/<W>]}. */
    TileNodes(byte[] bottom) {
        if (bottom.length == 0 || bottom.length % Merkle.HASH_BYTES != 0
                || bottom.length > TilePath.FULL_WIDTH * Merkle.HASH_BYTES) {
            throw new IllegalArgumentException("a hash tile holds 1 to 256 hashes, not " + bottom.length + " bytes");
        }
        int width = bottom.length / Merkle.HASH_BYTES;
        rows = new byte[TilePath.HEIGHT][];
        rows[0] = bottom.clone();
        for (int height = 1; height < TilePath.HEIGHT; height++) {
            byte[] below = rows[height - 1];
            byte[] row = new byte[(width >> height) * Merkle.HASH_BYTES];
            for (int j = 0; j < width >> height; j++) {
                byte[] hash = Merkle.nodeHash(hash(below, 2 * j), hash(below, 2 * j + 1));
                System.arraycopy(hash, 0, row, j * Merkle.HASH_BYTES, Merkle.HASH_BYTES);
            }
            rows[height] = row;
        }
    }

    int width() {
        return rows[0].length / Merkle.HASH_BYTES;
    }

    /** The tile's content, a copy. */
    byte[] bottomRow() {
        return rows[0].clone();
    }

    /** The node {@code offset} of the row {@code height} levels above the bottom, or null when the tile lacks it. */
    byte[] node(int height, int offset) {
        byte[] row = rows[height];
        if (offset < 0 || (offset + 1) * Merkle.HASH_BYTES > row.length) {
            return null;
        }
        return hash(row, offset);
    }

    long sizeBytes() {
        long bytes = 0;
        for (byte[] row : rows) {
            bytes += row.length;
        }
        return bytes;
    }

    private static byte[] hash(byte[] row, int offset) {
        return Arrays.copyOfRange(row, offset * Merkle.HASH_BYTES, (offset + 1) * Merkle.HASH_BYTES);
    }
}
