package org.cbamledger.connector.time;

import java.time.Duration;
import java.time.Instant;

/** Wall-clock time. */
public final class SystemTimeSource implements TimeSource {
    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        while (millis > 0) {
            Thread.sleep(millis);
            millis = Duration.between(Instant.now(), instant).toMillis();
        }
    }
}
