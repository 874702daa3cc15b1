package org.cbamledger.connector.register;

/**
 * Order of bytes across the registers of a multi-register value. Modbus fixes the byte order inside
 * one register (big-endian, "Modbus Application Protocol V1.1b3" §4.2) but not the order of the
 * registers, so vendors differ.
 */
public enum WordOrder {
    /** ABCD: most significant word first (Janitza, Siemens PAC). */
    BIG_ENDIAN,
    /** CDAB: least significant word first, bytes big-endian inside each word. */
    WORD_SWAPPED,
    /** BADC: most significant word first, bytes swapped inside each word. */
    BYTE_SWAPPED,
    /** DCBA: fully little-endian. */
    LITTLE_ENDIAN;

    /** Big-endian bytes of the value from the register words as read. */
    byte[] toBigEndianBytes(int[] words) {
        int n = words.length;
        byte[] bytes = new byte[n * 2];
        for (int i = 0; i < n; i++) {
            int word = words[wordSwapped() ? n - 1 - i : i];
            byte hi = (byte) (word >>> 8);
            byte lo = (byte) word;
            bytes[2 * i] = byteSwapped() ? lo : hi;
            bytes[2 * i + 1] = byteSwapped() ? hi : lo;
        }
        return bytes;
    }

    /** Register words, as the device sends them, for a value's big-endian bytes. */
    int[] fromBigEndianBytes(byte[] bytes) {
        int n = bytes.length / 2;
        int[] words = new int[n];
        for (int i = 0; i < n; i++) {
            int hi = bytes[2 * i] & 0xff;
            int lo = bytes[2 * i + 1] & 0xff;
            int word = byteSwapped() ? (lo << 8) | hi : (hi << 8) | lo;
            words[wordSwapped() ? n - 1 - i : i] = word;
        }
        return words;
    }

    private boolean wordSwapped() {
        return this == WORD_SWAPPED || this == LITTLE_ENDIAN;
    }

    private boolean byteSwapped() {
        return this == BYTE_SWAPPED || this == LITTLE_ENDIAN;
    }
}
