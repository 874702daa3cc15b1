package org.cbamledger.connector.reading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cbamledger.connector.register.Channel;
import org.cbamledger.connector.register.RegisterValue;
import org.cbamledger.connector.time.IntervalGrid;

/**
 * Turns polls of a cumulative counter into clock-aligned interval energies. Pure: state in, state
 * and closed intervals out, so the same code runs live, after a restart and in tests.
 */
public final class IntervalAggregator {
    private final IntervalGrid grid;
    private final BigDecimal rolloverKwh;

    /** @param rolloverKwh where the meter's counter wraps, or null if it never does */
    public IntervalAggregator(IntervalGrid grid, BigDecimal rolloverKwh) {
        this.grid = grid;
        this.rolloverKwh = rolloverKwh;
    }

    public record Step(MeterState state, List<IntervalReading> closed) {}

    public Step accept(MeterState state, MeterSample sample) {
        Instant t = sample.scheduledAt();
        if (state.emittedUntil() != null && !t.isAfter(state.emittedUntil())) {
            return new Step(state, List.of()); // a boundary already handled (e.g. replayed after a restart)
        }
        boolean boundary = grid.isBoundary(t);
        if (!sample.succeeded()) {
            return boundary ? failedBoundary(state, sample) : new Step(state, List.of());
        }
        MeterState seen = observe(state, sample.counter().value());
        if (!boundary) {
            return new Step(seen, List.of());
        }
        if (!seen.hasBaseline()) {
            return new Step(baseline(seen, sample), List.of());
        }
        return new Step(baseline(seen, sample), List.of(close(seen, sample)));
    }

    private MeterState observe(MeterState state, BigDecimal counterKwh) {
        if (!state.hasBaseline() || state.lastSeenKwh() == null) {
            return new MeterState(state.meterId(), state.lastBoundary(), state.boundaryCounter(), state.emittedUntil(),
                    counterKwh, state.resetSeen(), state.rolloverSeen());
        }
        CounterDelta step = CounterDelta.between(state.lastSeenKwh(), counterKwh, rolloverKwh);
        return new MeterState(state.meterId(), state.lastBoundary(), state.boundaryCounter(), state.emittedUntil(),
                counterKwh, state.resetSeen() || step.kind() == CounterDelta.Kind.RESET,
                state.rolloverSeen() || step.kind() == CounterDelta.Kind.ROLLOVER);
    }

    private IntervalReading close(MeterState state, MeterSample sample) {
        Instant start = state.lastBoundary();
        Instant end = sample.scheduledAt();
        RegisterValue startCounter = state.boundaryCounter();
        RegisterValue endCounter = sample.counter();
        Map<Channel, RegisterValue> channels = sample.channels();
        boolean spansMissedBoundaries = start.plus(grid.length()).isBefore(end);
        CounterDelta delta = CounterDelta.between(startCounter.value(), endCounter.value(), rolloverKwh);
        if (state.resetSeen() || delta.kind() == CounterDelta.Kind.RESET) {
            return new IntervalReading(state.meterId(), start, end, null, Quality.METER_RESET, startCounter, endCounter,
                    channels, "counter went from " + startCounter.value().toPlainString() + " to "
                            + endCounter.value().toPlainString() + " kWh: meter reset, energy unknown");
        }
        if (spansMissedBoundaries) {
            return new IntervalReading(state.meterId(), start, end, delta.energyKwh(), Quality.GAP, startCounter,
                    endCounter, channels, "no reading at the boundaries between start and end; energy is the"
                            + " counter difference over the whole span");
        }
        Quality quality = delta.kind() == CounterDelta.Kind.ROLLOVER || state.rolloverSeen()
                ? Quality.ROLLOVER : Quality.GOOD;
        return new IntervalReading(state.meterId(), start, end, delta.energyKwh(), quality, startCounter, endCounter,
                channels, quality == Quality.ROLLOVER ? "counter wrapped at " + rolloverKwh.toPlainString() + " kWh" : null);
    }

    private Step failedBoundary(MeterState state, MeterSample sample) {
        Instant end = sample.scheduledAt();
        Instant start = end.minus(grid.length());
        boolean alreadyEmitted = state.emittedUntil() != null && start.isBefore(state.emittedUntil());
        if (!state.hasBaseline() || alreadyEmitted) {
            return new Step(state, List.of());
        }
        IntervalReading flagged = new IntervalReading(state.meterId(), start, end, null, Quality.COMM_FAILURE,
                state.boundaryCounter(), null, Map.of(), sample.failure());
        MeterState next = new MeterState(state.meterId(), state.lastBoundary(), state.boundaryCounter(), end,
                state.lastSeenKwh(), state.resetSeen(), state.rolloverSeen());
        return new Step(next, List.of(flagged));
    }

    private static MeterState baseline(MeterState state, MeterSample sample) {
        return new MeterState(state.meterId(), sample.scheduledAt(), sample.counter(), sample.scheduledAt(),
                sample.counter().value(), false, false);
    }
}
