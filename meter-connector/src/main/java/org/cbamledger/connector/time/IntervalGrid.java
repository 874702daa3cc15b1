package org.cbamledger.connector.time;

import java.time.Duration;
import java.time.Instant;

/** Clock-aligned intervals: boundaries are whole multiples of the length since the Unix epoch (UTC). */
public record IntervalGrid(Duration length) {
    public IntervalGrid {
        if (length.isNegative() || length.isZero() || length.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("interval length must be a positive whole number of seconds: " + length);
        }
    }

    public boolean isBoundary(Instant instant) {
        return instant.getNano() == 0 && instant.getEpochSecond() % length.toSeconds() == 0;
    }

    /** The boundary at or before {@code instant}. */
    public Instant floor(Instant instant) {
        long seconds = length.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), seconds) * seconds);
    }

    /** The first boundary strictly after {@code instant}. */
    public Instant next(Instant instant) {
        return floor(instant).plus(length);
    }
}
