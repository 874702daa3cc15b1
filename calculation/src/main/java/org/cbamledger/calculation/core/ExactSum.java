package org.cbamledger.calculation.core;

import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;

/**
 * The exact sum of many decimal fields (a year of meter readings) without a BigDecimal per field: a decimal string of
 * at most 18 digits and {@value #SCALE} fraction digits adds to a long of billionths; anything else (more digits, a
 * JSON number, an overflow) adds exactly as a BigDecimal. The total is the same exact value either way.
 */
public final class ExactSum {
    public static final int SCALE = 9;
    private static final long[] POWERS = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L,
            1_000_000_000L};

    private long billionths;
    private BigDecimal rest = BigDecimal.ZERO;
    private long fields;

    /** Adds a field read by {@link Decimals#isDecimal}; false (nothing added) when the node is not a decimal. */
    public boolean add(JsonNode node) {
        if (node.isString() && addFast(node.asString())) {
            fields++;
            return true;
        }
        if (!Decimals.isDecimal(node)) {
            return false;
        }
        rest = rest.add(Decimals.fromJson(node));
        fields++;
        return true;
    }

    /** Adds a value already read as billionths (a columnar batch's kWh, {@code BatchColumns}). */
    public void addBillionths(long value) {
        try {
            billionths = Math.addExact(billionths, value);
        } catch (ArithmeticException e) {
            rest = rest.add(BigDecimal.valueOf(value, SCALE));
        }
        fields++;
    }

    /** A plain decimal string ({@code -?(0|[1-9]\d*)(\.\d+)?}) within the long's reach; false to take the slow path. */
    private boolean addFast(String text) {
        int length = text.length();
        int at = 0;
        boolean negative = length > 0 && text.charAt(0) == '-';
        if (negative) {
            at++;
        }
        if (at >= length || length - at > 19) {
            return false;
        }
        if (text.charAt(at) == '0' && at + 1 < length && text.charAt(at + 1) != '.') {
            return false;
        }
        long unscaled = 0;
        int digits = 0;
        int fraction = -1;
        for (int i = at; i < length; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (fraction >= 0 || i == at || i == length - 1) {
                    return false;
                }
                fraction = 0;
                continue;
            }
            if (c < '0' || c > '9' || ++digits > 18) {
                return false;
            }
            unscaled = unscaled * 10 + (c - '0');
            if (fraction >= 0 && ++fraction > SCALE) {
                return false;
            }
        }
        long scaled = unscaled * POWERS[SCALE - Math.max(fraction, 0)];
        if (scaled / POWERS[SCALE - Math.max(fraction, 0)] != unscaled) {
            return false;
        }
        try {
            billionths = Math.addExact(billionths, negative ? -scaled : scaled);
        } catch (ArithmeticException e) {
            return false;
        }
        return true;
    }

    public long fields() {
        return fields;
    }

    /** The exact total, normalised as {@link Decimals#normalize}. */
    public BigDecimal value() {
        return Decimals.normalize(BigDecimal.valueOf(billionths, SCALE).add(rest));
    }
}
