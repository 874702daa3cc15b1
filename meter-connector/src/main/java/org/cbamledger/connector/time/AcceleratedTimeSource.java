package org.cbamledger.connector.time;

import java.time.Duration;
import java.time.Instant;

/**
 * Simulated time that starts at {@code simulatedStart} when the real clock reads {@code realAnchor}
 * and runs {@code factor} times faster than real time. Two processes given the same three values
 * agree on the simulated time.
 */
public final class AcceleratedTimeSource implements TimeSource {
    private final Instant simulatedStart;
    private final Instant realAnchor;
    private final double factor;

    public AcceleratedTimeSource(Instant simulatedStart, Instant realAnchor, double factor) {
        if (!(factor >= 1)) {
            throw new IllegalArgumentException("acceleration factor must be at least 1, got " + factor);
        }
        this.simulatedStart = simulatedStart;
        this.realAnchor = realAnchor;
        this.factor = factor;
    }

    public static AcceleratedTimeSource startingNow(Instant simulatedStart, double factor) {
        return new AcceleratedTimeSource(simulatedStart, Instant.now(), factor);
    }

    public double factor() {
        return factor;
    }

    @Override
    public Instant now() {
        long realNanos = Duration.between(realAnchor, Instant.now()).toNanos();
        return simulatedStart.plusNanos((long) (realNanos * factor));
    }

    @Override
    public void sleepUntil(Instant instant) throws InterruptedException {
        long simulatedNanos = Duration.between(now(), instant).toNanos();
        while (simulatedNanos > 0) {
            long realNanos = (long) Math.ceil(simulatedNanos / factor);
            Thread.sleep(realNanos / 1_000_000, (int) (realNanos % 1_000_000));
            simulatedNanos = Duration.between(now(), instant).toNanos();
        }
    }
}
