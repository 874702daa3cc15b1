package org.cbamledger.connector.forward;

import java.time.Duration;

/** Exponential backoff between retries, reset by a success. */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private Duration current;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.current = initial;
    }

    /** The wait before the next retry; a server's Retry-After wins when longer. */
    public Duration next(Duration retryAfter) {
        Duration wait = current;
        current = current.multipliedBy(2).compareTo(max) > 0 ? max : current.multipliedBy(2);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            return retryAfter.compareTo(max) > 0 ? max : retryAfter;
        }
        return wait;
    }

    public void reset() {
        current = initial;
    }
}
