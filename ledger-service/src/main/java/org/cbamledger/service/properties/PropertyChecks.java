package org.cbamledger.service.properties;

import java.time.Duration;

/** Checks of configured values that name the property, so a bad value fails startup saying which one. */
public final class PropertyChecks {
    private PropertyChecks() {}

    /** {@code value} when it is zero or more, else an error naming {@code property}. */
    public static Duration notNegative(String property, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(property + " must be zero or more, not " + value);
        }
        return value;
    }

    /** {@code value} when it is above zero, else an error naming {@code property}. */
    public static Duration positive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(property + " must be above zero, not " + value);
        }
        return value;
    }

    /** {@code value} when it is at least {@code min}, else an error naming {@code property}. */
    public static int atLeast(String property, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(property + " must be at least " + min + ", not " + value);
        }
        return value;
    }
}
