package org.cbamledger.calculation.core;

import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;

/**
 * The exact sum of many decimal fields (a year of meter readings) without a BigDecimal per field: a decimal string of
 * at most 18 digits and 9 fraction digits ({@link Billionths}) adds to a long of billionths; anything else (more digits,
 * a JSON number, an overflow) adds exactly as a BigDecimal. The total is the same exact value either way.
 */
public final class ExactSum {
    private long billionths;
    private BigDecimal rest = BigDecimal.ZERO;
    private long fields;

    /** Adds a field read by {@link Decimals#isDecimal}; false (nothing added) when the node is not a decimal. */
    public boolean add(JsonNode node) {
        if (node.isString()) {
            String text = node.asString();
            long value = Billionths.parse(text, 0, text.length());
            if (value != Billionths.NOT_PLAIN) {
                addBillionths(value);
                return true;
            }
        }
        if (!Decimals.isDecimal(node)) {
            return false;
        }
        rest = rest.add(Decimals.fromJson(node));
        fields++;
        return true;
    }

    /** Adds a value read as billionths ({@link Billionths}: a columnar batch's kWh, a decimal string); exact past the long too. */
    public void addBillionths(long value) {
        try {
            billionths = Math.addExact(billionths, value);
        } catch (ArithmeticException e) {
            rest = rest.add(BigDecimal.valueOf(value, Billionths.SCALE));
        }
        fields++;
    }

    public long fields() {
        return fields;
    }

    /** The exact total, normalised as {@link Decimals#normalize}. */
    public BigDecimal value() {
        return Decimals.normalize(BigDecimal.valueOf(billionths, Billionths.SCALE).add(rest));
    }
}
