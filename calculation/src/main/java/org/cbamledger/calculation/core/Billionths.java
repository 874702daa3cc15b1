package org.cbamledger.calculation.core;

/**
 * The plain decimal strings a long holds exactly as billionths: {@code -?(0|[1-9]\d*)(\.\d{1,9})?} with at most 18
 * digits. The one grammar both {@link ExactSum} (a field added as an integer) and the columnar batch reader
 * ({@code BatchColumns}, a reading's kWh) take; anything else is {@link #NOT_PLAIN} and goes to BigDecimal.
 */
public final class Billionths {
    public static final int SCALE = 9;
    /** Not such a string: no value parses to it, as every one lies within +-(2^63 - 1). */
    public static final long NOT_PLAIN = Long.MIN_VALUE;
    private static final int MAX_DIGITS = 18;
    private static final long[] POWERS = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L,
            1_000_000_000L};

    private Billionths() {}

    /** 10 to the power {@code exponent}, from 0 to {@link #SCALE}. */
    public static long powerOfTen(int exponent) {
        return POWERS[exponent];
    }

    /** The characters {@code [from, to)} of {@code text} as billionths, or {@link #NOT_PLAIN}. */
    public static long parse(CharSequence text, int from, int to) {
        boolean negative = from < to && text.charAt(from) == '-';
        int at = negative ? from + 1 : from;
        if (at == to || (text.charAt(at) == '0' && at + 1 < to && text.charAt(at + 1) != '.')) {
            return NOT_PLAIN;
        }
        long unscaled = 0;
        int digits = 0;
        int fraction = -1;
        for (int i = at; i < to; i++) {
            char c = text.charAt(i);
            if (c == '.' && fraction < 0 && i > at && i < to - 1) {
                fraction = 0;
            } else if (c >= '0' && c <= '9' && ++digits <= MAX_DIGITS && (fraction < 0 || ++fraction <= SCALE)) {
                unscaled = unscaled * 10 + (c - '0');
            } else {
                return NOT_PLAIN;
            }
        }
        try {
            long scaled = Math.multiplyExact(unscaled, POWERS[SCALE - Math.max(fraction, 0)]);
            return negative ? -scaled : scaled;
        } catch (ArithmeticException e) {
            return NOT_PLAIN;
        }
    }
}
