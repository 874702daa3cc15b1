package org.cbamledger.connector.reading;

import java.math.BigDecimal;

/** The energy between two readings of a cumulative counter, telling a wrap from a reset. */
public record CounterDelta(BigDecimal energyKwh, Kind kind) {
    public enum Kind { FORWARD, ROLLOVER, RESET }

    /**
     * @param rolloverKwh where the counter wraps to zero, or null if it never wraps
     */
    public static CounterDelta between(BigDecimal previousKwh, BigDecimal currentKwh, BigDecimal rolloverKwh) {
        if (currentKwh.compareTo(previousKwh) >= 0) {
            return new CounterDelta(currentKwh.subtract(previousKwh), Kind.FORWARD);
        }
        if (rolloverKwh != null) {
            BigDecimal wrapped = rolloverKwh.subtract(previousKwh).add(currentKwh);
            // A wrap is plausible only when it moved less than half the counter's range; otherwise the
            // counter was cleared and the energy in between is unknown.
            if (wrapped.signum() >= 0 && wrapped.compareTo(rolloverKwh.divide(BigDecimal.TWO)) < 0) {
                return new CounterDelta(wrapped, Kind.ROLLOVER);
            }
        }
        return new CounterDelta(null, Kind.RESET);
    }
}
