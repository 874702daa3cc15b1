package org.cbamledger.connector;

import java.time.Instant;
import org.cbamledger.connector.time.TimeSource;

/** A time source whose clock is chosen after the parts that hold it are built (so start-up cost does not eat simulated time). */
public final class DelegatingTimeSource implements TimeSource {
    private volatile TimeSource delegate;

    public DelegatingTimeSource(TimeSource initial) {
        this.delegate = initial;
    }

    public void switchTo(TimeSource next) {
        delegate = next;
    }

    @Override
    public Instant now() {
        return delegate.now();
    }

    @Override
    public void sleepUntil(Instant instant) throws InterruptedException {
        delegate.sleepUntil(instant);
    }
}
