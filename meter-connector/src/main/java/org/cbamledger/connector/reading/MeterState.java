package org.cbamledger.connector.reading;

import java.math.BigDecimal;
import java.time.Instant;
import org.cbamledger.connector.register.RegisterValue;

/**
 * What the aggregator remembers about one meter between polls, persisted across restarts.
 *
 * @param lastBoundary the last boundary with a good counter reading
 * @param boundaryCounter the counter at {@code lastBoundary}
 * @param emittedUntil end of the last interval handed to the journal
 * @param lastSeenKwh the latest counter value seen, also between boundaries
 * @param resetSeen the counter went backwards since {@code lastBoundary}
 * @param rolloverSeen the counter wrapped since {@code lastBoundary}
 */
public record MeterState(String meterId, Instant lastBoundary, RegisterValue boundaryCounter, Instant emittedUntil,
        BigDecimal lastSeenKwh, boolean resetSeen, boolean rolloverSeen) {
    public static MeterState empty(String meterId) {
        return new MeterState(meterId, null, null, null, null, false, false);
    }

    public boolean hasBaseline() {
        return lastBoundary != null;
    }
}
