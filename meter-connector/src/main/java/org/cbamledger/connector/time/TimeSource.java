package org.cbamledger.connector.time;

import java.time.Duration;
import java.time.Instant;

/** The connector's notion of "now", injectable so a simulated day can run in seconds. */
public interface TimeSource {
    Instant now();

    /** Blocks until {@link #now()} is at or after {@code instant}. */
    void sleepUntil(Instant instant) throws InterruptedException;

    default void sleep(Duration duration) throws InterruptedException {
        sleepUntil(now().plus(duration));
    }
}
