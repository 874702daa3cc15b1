package org.cbamledger.calculation.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The engine's arithmetic and its one precision policy: every derived figure (sum, product, difference, quotient) is
 * rounded to {@link #MATH}, 34 significant digits with ties to even (IEEE 754 decimal128), so that a product of a
 * rounded quotient lands where the exact value does (3845, not 3844.999...95). The engine, the calculation record
 * ({@link #policyJson()}) and the verifier use this class alike.
 */
public final class Decimals {
    public static final int SIGNIFICANT_DIGITS = 34;
    public static final MathContext MATH = new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN);

    /**
     * The wire form of an exact decimal in records and statements: a string, as api-spec common.schema.json
     * nonNegativeDecimal (here with an optional sign), because RFC 8785 writes JSON numbers as doubles.
     */
    public static final Pattern DECIMAL_STRING = Pattern.compile("-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,12})?");

    /**
     * What a reader accepts: a decimal string as written by {@link #plain} for any value of the policy, a stored
     * figure with up to 34 significant digits included (a small quotient has more fraction digits than that).
     */
    private static final Pattern READABLE_STRING = Pattern.compile("-?(0|[1-9][0-9]{0,33})(\\.[0-9]{1,80})?");

    private Decimals() {}

    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return normalize(dividend.divide(divisor, MATH));
    }

    /** A derived figure's value under the policy. */
    public static BigDecimal round(BigDecimal exact) {
        return normalize(exact.round(MATH));
    }

    /** The policy as recorded with every calculation: {@code {"significantDigits": 34, "rounding": "half-even"}}. */
    public static ObjectNode policyJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("significantDigits", SIGNIFICANT_DIGITS);
        node.put("rounding", "half-even");
        node.put("appliesTo", "every derived figure");
        return node;
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
     * Reads a decimal string (any figure of the policy, {@link #READABLE_STRING}) or a JSON number exactly. A double is read through its
     * shortest round-trip spelling (Java 19+ {@code Double.toString}), the spelling RFC 8785 gives it.
     */
    public static BigDecimal fromJson(JsonNode node) {
        if (node.isString()) {
            if (!READABLE_STRING.matcher(node.asString()).matches()) {
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
        return node.isNumber() || (node.isString() && READABLE_STRING.matcher(node.asString()).matches());
    }
}
