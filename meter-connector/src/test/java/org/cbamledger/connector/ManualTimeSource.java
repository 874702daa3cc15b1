package org.cbamledger.connector;

import java.time.Instant;
import org.cbamledger.connector.time.TimeSource;

/** Test time that only moves when told to; sleepUntil jumps there at once. */
public final class ManualTimeSource implements TimeSource {
    private Instant now;

    public ManualTimeSource(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized void sleepUntil(Instant instant) {
        if (instant.isAfter(now)) {
            now = instant;
        }
    }

    public synchronized void set(Instant instant) {
        now = instant;
    }
}
