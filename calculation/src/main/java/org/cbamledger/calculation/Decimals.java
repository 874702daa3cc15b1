package org.cbamledger.calculation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** The engine's arithmetic: exact sums and products; only division is bounded, by {@link #MATH}. */
public final class Decimals {
    /** Declared precision of every division: 34 significant digits, ties to even (IEEE 754 decimal128). */
    public static final MathContext MATH = MathContext.DECIMAL128;

    /**
     * The wire form of an exact decimal in records and statements: a string, as api-spec common.schema.json
     * nonNegativeDecimal (here with an optional sign), because RFC 8785 writes JSON numbers as doubles.
     */
    public static final Pattern DECIMAL_STRING = Pattern.compile("-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,12})?");

    private Decimals() {}

    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return normalize(dividend.divide(divisor, MATH));
    }

    /** One spelling per value, so the service and the verifier serialise identical figures. */
    public static BigDecimal normalize(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
    }

    public static String plain(BigDecimal value) {
        return normalize(value).toPlainString();
    }

    /** A presented value as its decimal string node. */
    public static JsonNode node(BigDecimal value) {
        return JsonNodeFactory.instance.stringNode(plain(value));
    }

    /** True when the value can travel as a {@link #DECIMAL_STRING}: at most 18 integer and 12 fraction digits. */
    public static boolean fitsDecimalString(BigDecimal value) {
        return DECIMAL_STRING.matcher(plain(value)).matches();
    }

    /**
     * Reads a decimal string ({@link #DECIMAL_STRING}) or a JSON number exactly. A double is read through its
     * shortest round-trip spelling (Java 19+ {@code Double.toString}), the spelling RFC 8785 gives it.
     */
    public static BigDecimal fromJson(JsonNode node) {
        if (node.isString()) {
            if (!DECIMAL_STRING.matcher(node.asString()).matches()) {
                throw new IllegalArgumentException("not a decimal: " + node.asString());
            }
            return normalize(new BigDecimal(node.asString()));
        }
        if (node.isBigDecimal()) {
            return normalize(node.decimalValue());
        }
        if (node.isIntegralNumber()) {
            return normalize(new BigDecimal(node.bigIntegerValue()));
        }
        if (node.isFloatingPointNumber()) {
            return normalize(new BigDecimal(Double.toString(node.doubleValue())));
        }
        throw new IllegalArgumentException("not a number: " + node);
    }

    public static boolean isDecimal(JsonNode node) {
        return node.isNumber() || (node.isString() && DECIMAL_STRING.matcher(node.asString()).matches());
    }
}
