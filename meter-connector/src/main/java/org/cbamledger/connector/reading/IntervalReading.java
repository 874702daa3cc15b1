package org.cbamledger.connector.reading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.cbamledger.connector.register.Channel;
import org.cbamledger.connector.register.RegisterValue;

/**
 * One closed interval of one meter.
 *
 * @param energyKwh the counter difference, or null when it is unknown (COMM_FAILURE, METER_RESET)
 * @param startCounter the counter reading at the start boundary, or null if there was none
 * @param endCounter the counter reading at the end boundary, or null if it failed
 * @param endChannels optional channels (power, voltage) read at the end boundary
 */
public record IntervalReading(String meterId, Instant intervalStart, Instant intervalEnd, BigDecimal energyKwh,
        Quality quality, RegisterValue startCounter, RegisterValue endCounter, Map<Channel, RegisterValue> endChannels,
        String note) {
    public IntervalReading {
        endChannels = Map.copyOf(endChannels);
        if (!intervalEnd.isAfter(intervalStart)) {
            throw new IllegalArgumentException("interval end must be after its start");
        }
    }
}
