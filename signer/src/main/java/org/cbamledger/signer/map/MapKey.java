package org.cbamledger.signer.map;

import java.util.Arrays;
import java.util.HexFormat;

/** A 256-bit map key, ordered as an unsigned big-endian number (the order of the leaves from left to right). */
public record MapKey(byte[] bytes) implements Comparable<MapKey> {
    public MapKey {
        if (bytes == null || bytes.length != MapHashes.HASH_BYTES) {
            throw new IllegalArgumentException("a map key is 32 bytes");
        }
        bytes = bytes.clone();
    }

    public static MapKey ofClaim(String claimKey) {
        return new MapKey(MapHashes.keyOf(claimKey));
    }

    public static MapKey ofHex(String hex) {
        return new MapKey(HexFormat.of().parseHex(hex));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int bit(int index) {
        return MapHashes.bit(bytes, index);
    }

    /** The first key of the subtree at {@code depth} containing this key: the first {@code depth} bits kept, the rest 0. */
    public MapKey subtreeFirst(int depth) {
        return withLowBits(depth, false);
    }

    /** The last key of that subtree: the rest 1. */
    public MapKey subtreeLast(int depth) {
        return withLowBits(depth, true);
    }

    /** This key with bit {@code depth} set to {@code value}: the path to the other child at that level. */
    public MapKey withBit(int index, int value) {
        byte[] b = bytes.clone();
        int mask = 1 << (7 - (index & 7));
        b[index >>> 3] = (byte) (value == 1 ? b[index >>> 3] | mask : b[index >>> 3] & ~mask);
        return new MapKey(b);
    }

    private MapKey withLowBits(int depth, boolean ones) {
        byte[] b = bytes.clone();
        for (int i = depth; i < MapHashes.DEPTH; i++) {
            int mask = 1 << (7 - (i & 7));
            b[i >>> 3] = (byte) (ones ? b[i >>> 3] | mask : b[i >>> 3] & ~mask);
        }
        return new MapKey(b);
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public int compareTo(MapKey other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MapKey k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
