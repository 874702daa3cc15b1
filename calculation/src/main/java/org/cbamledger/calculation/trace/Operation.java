package org.cbamledger.calculation.trace;

import java.math.BigDecimal;
import java.util.List;
import org.cbamledger.calculation.core.Decimals;

/** The operations a figure may be derived by; each evaluates its inputs in order. */
public enum Operation {
    SUM("sum"),
    PRODUCT("product"),
    /** first input minus the sum of the others */
    DIFFERENCE("difference"),
    /** first input divided by the second; every operation's result is rounded to {@link Decimals#MATH} */
    QUOTIENT("quotient"),
    /** max(0, first input minus the sum of the others) */
    POSITIVE_DIFFERENCE("positive-difference");

    private final String wireName;

    Operation(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Operation fromWire(String name) {
        for (Operation op : values()) {
            if (op.wireName.equals(name)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown operation: " + name);
    }

    public BigDecimal evaluate(List<BigDecimal> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException(wireName + " needs at least one input");
        }
        return Decimals.round(
                switch (this) {
                    case SUM -> inputs.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                    case PRODUCT -> inputs.stream().reduce(BigDecimal.ONE, BigDecimal::multiply);
                    case DIFFERENCE -> difference(inputs);
                    case QUOTIENT -> quotient(inputs);
                    case POSITIVE_DIFFERENCE -> difference(inputs).max(BigDecimal.ZERO);
                });
    }

    private static BigDecimal difference(List<BigDecimal> inputs) {
        BigDecimal result = inputs.getFirst();
        for (BigDecimal subtrahend : inputs.subList(1, inputs.size())) {
            result = result.subtract(subtrahend);
        }
        return result;
    }

    private BigDecimal quotient(List<BigDecimal> inputs) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException("quotient needs exactly two inputs, got " + inputs.size());
        }
        return Decimals.divide(inputs.get(0), inputs.get(1));
    }
}
