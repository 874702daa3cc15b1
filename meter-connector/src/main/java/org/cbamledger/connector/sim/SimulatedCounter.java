package org.cbamledger.connector.sim;

import java.time.Duration;
import java.time.Instant;
import org.cbamledger.connector.time.TimeSource;

/**
 * A cumulative counter advancing with a daily load shape: rate(t) = base x (1 + 0.25 sin(2 pi t / 1 day)),
 * integrated in closed form so its value at any instant is exact and independent of how often it is read.
 * Used for energy (kWh at kW), gas-flow totalisers (Nm3 at Nm3/h) and production counters (pieces at pieces/h).
 */
public final class SimulatedCounter {
    private static final double DAY_SECONDS = 86_400;

    private final TimeSource time;
    private final double baseRatePerHour;
    private Instant origin;
    private double valueAtOrigin;

    public SimulatedCounter(TimeSource time, double baseRatePerHour, double initialValue) {
        this.time = time;
        this.baseRatePerHour = baseRatePerHour;
        this.origin = time.now();
        this.valueAtOrigin = initialValue;
    }

    public synchronized double valueAt(Instant t) {
        return valueAtOrigin + integral(origin, t);
    }

    public double value() {
        return valueAt(time.now());
    }

    /** The rate (per hour) at {@code t}: what an instantaneous power reading shows. */
    public double rateAt(Instant t) {
        return baseRatePerHour * (1 + 0.25 * Math.sin(theta(t)));
    }

    public double rate() {
        return rateAt(time.now());
    }

    /** The counter is cleared (meter replaced, reset from the front panel). */
    public synchronized void reset() {
        set(0);
    }

    public synchronized void set(double value) {
        origin = time.now();
        valueAtOrigin = value;
    }

    private double integral(Instant from, Instant to) {
        double seconds = Duration.between(from, to).toNanos() / 1e9;
        double shape = 0.25 * DAY_SECONDS / (2 * Math.PI) * (Math.cos(theta(from)) - Math.cos(theta(to)));
        return baseRatePerHour / 3600 * (seconds + shape);
    }

    private static double theta(Instant t) {
        double seconds = Math.floorMod(t.getEpochSecond(), (long) DAY_SECONDS) + t.getNano() / 1e9;
        return 2 * Math.PI * seconds / DAY_SECONDS;
    }
}
