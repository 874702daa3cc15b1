package org.cbamledger.connector.register;

/** How a value is encoded in Modbus registers (16-bit words). */
public enum DataType {
    UINT16(1, false, false),
    INT16(1, true, false),
    UINT32(2, false, false),
    INT32(2, true, false),
    UINT64(4, false, false),
    INT64(4, true, false),
    FLOAT32(2, true, true),
    FLOAT64(4, true, true);

    private final int words;
    private final boolean signed;
    private final boolean floatingPoint;

    DataType(int words, boolean signed, boolean floatingPoint) {
        this.words = words;
        this.signed = signed;
        this.floatingPoint = floatingPoint;
    }

    public int words() {
        return words;
    }

    public boolean signed() {
        return signed;
    }

    public boolean floatingPoint() {
        return floatingPoint;
    }
}
