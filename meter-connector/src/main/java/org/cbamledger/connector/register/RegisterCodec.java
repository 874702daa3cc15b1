package org.cbamledger.connector.register;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;

/** Decodes register words to values and, for the simulator, encodes values to words. */
public final class RegisterCodec {
    private RegisterCodec() {}

    public static RegisterValue decode(RegisterSpec spec, int[] words) {
        if (words.length != spec.type().words()) {
            throw new IllegalArgumentException(
                    "expected " + spec.type().words() + " registers for " + spec.type() + ", got " + words.length);
        }
        byte[] bytes = spec.wordOrder().toBigEndianBytes(words);
        BigDecimal raw = switch (spec.type()) {
            // Float.toString is the shortest decimal that rounds to the same float: no invented digits.
            case FLOAT32 -> new BigDecimal(Float.toString(ByteBuffer.wrap(bytes).getFloat()));
            case FLOAT64 -> new BigDecimal(Double.toString(ByteBuffer.wrap(bytes).getDouble()));
            default -> new BigDecimal(spec.type().signed() ? new BigInteger(bytes) : new BigInteger(1, bytes));
        };
        BigDecimal value = raw.multiply(spec.scale());
        return new RegisterValue(spec.type().floatingPoint() ? toMaxDecimals(value) : plain(value), words, spec.scale());
    }

    /** Decimals kept of a floating-point reading (the schema's limit; 1e-12 kWh is far below any meter's resolution). */
    public static final int MAX_DECIMALS = 12;

    /** Rounds a floating-point reading to {@link #MAX_DECIMALS}, half-even, so interval differences stay exact decimals. */
    public static BigDecimal toMaxDecimals(BigDecimal value) {
        return plain(value.scale() > MAX_DECIMALS ? value.setScale(MAX_DECIMALS, RoundingMode.HALF_EVEN) : value);
    }

    /** Without trailing zeros and never in exponent form (1E+3 becomes 1000). */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Words for a value in the channel's unit; integers are rounded to the nearest raw step. */
    public static int[] encode(RegisterSpec spec, BigDecimal value) {
        BigDecimal raw = value.divide(spec.scale(), 12, RoundingMode.HALF_EVEN);
        int byteCount = spec.type().words() * 2;
        ByteBuffer buffer = ByteBuffer.allocate(byteCount);
        switch (spec.type()) {
            case FLOAT32 -> buffer.putFloat(raw.floatValue());
            case FLOAT64 -> buffer.putDouble(raw.doubleValue());
            default -> {
                BigInteger integer = raw.setScale(0, RoundingMode.HALF_EVEN).toBigInteger();
                BigInteger modulus = BigInteger.ONE.shiftLeft(8 * byteCount);
                byte[] full = integer.mod(modulus).add(modulus).toByteArray();
                buffer.put(full, full.length - byteCount, byteCount);
            }
        }
        return spec.wordOrder().fromBigEndianBytes(buffer.array());
    }
}
