package org.cbamledger.connector.reading;

/** How far an interval's energy can be trusted. Nothing is ever interpolated. */
public enum Quality {
    /** Both boundary readings taken, counter moved forward. */
    GOOD,
    /** The counter wrapped past its maximum; energy is computed across the wrap. */
    ROLLOVER,
    /** The counter went backwards (meter replaced or cleared): the energy of this interval is unknown. */
    METER_RESET,
    /** The reading at the interval's end failed: no energy for this interval. */
    COMM_FAILURE,
    /**
     * The interval spans boundaries that were never read (connector down, meter unreachable): the
     * energy is the measured counter difference over the whole span, not split into intervals.
     */
    GAP
}
