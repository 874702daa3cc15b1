package org.cbamledger.connector.register;

import java.math.BigDecimal;

/**
 * One value in a device's register map.
 *
 * @param address zero-based register address as sent on the wire (PDU address)
 * @param scale multiplier from the raw number to the channel's unit (e.g. 0.001 for Wh to kWh)
 * @param rawUnit the unit the device reports, for the record of evidence
 * @param rolloverRaw raw value at which a counter wraps to zero, or null if it never wraps
 */
public record RegisterSpec(
        int address, DataType type, WordOrder wordOrder, BigDecimal scale, String rawUnit, BigDecimal rolloverRaw) {
    public RegisterSpec {
        if (address < 0 || address + type.words() > 65_536) {
            throw new IllegalArgumentException("register address out of range: " + address);
        }
        if (scale.signum() <= 0) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
    }

    /** The counter's wrap-around in the channel's unit, or null. Unsigned integers wrap at 2^bits unless the map says otherwise. */
    public BigDecimal rolloverScaled() {
        if (rolloverRaw != null) {
            return rolloverRaw.multiply(scale);
        }
        if (!type.signed() && !type.floatingPoint()) {
            return BigDecimal.valueOf(2).pow(16 * type.words()).multiply(scale);
        }
        return null;
    }
}
