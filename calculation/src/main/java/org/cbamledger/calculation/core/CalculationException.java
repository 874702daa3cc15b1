package org.cbamledger.calculation.core;

/** Any failure of the calculation subsystem: missing or malformed evidence, an unknown rule, a bad rule-set file. */
public final class CalculationException extends Exception {
    public CalculationException(String message) {
        super(message);
    }

    public CalculationException(String message, Throwable cause) {
        super(message, cause);
    }
}
