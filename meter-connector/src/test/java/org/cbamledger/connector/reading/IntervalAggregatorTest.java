package org.cbamledger.connector.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cbamledger.connector.register.Channel;
import org.cbamledger.connector.register.RegisterValue;
import org.cbamledger.connector.time.IntervalGrid;
import org.junit.jupiter.api.Test;

class IntervalAggregatorTest {
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
    private static final Duration Q = Duration.ofMinutes(15);
    private static final IntervalGrid GRID = new IntervalGrid(Q);

    private MeterState state = MeterState.empty("m1");
    private final List<IntervalReading> closed = new ArrayList<>();

    private void feed(IntervalAggregator aggregator, MeterSample sample) {
        IntervalAggregator.Step step = aggregator.accept(state, sample);
        state = step.state();
        closed.addAll(step.closed());
    }

    private static MeterSample ok(Instant t, String kwh) {
        return MeterSample.ok("m1", t, t, Map.of(Channel.ACTIVE_ENERGY_IMPORT_KWH,
                new RegisterValue(new BigDecimal(kwh), new int[] {1, 2}, new BigDecimal("0.001"))));
    }

    private static MeterSample failed(Instant t) {
        return MeterSample.failed("m1", t, t, "connection refused");
    }

    @Test
    void boundaries_giveAlignedIntervalsWithCounterDifferences() {
        IntervalAggregator a = new IntervalAggregator(GRID, null);
        feed(a, ok(T0.plusSeconds(60), "99"));          // before the first boundary: ignored
        feed(a, ok(T0, "100.000"));
        feed(a, ok(T0.plus(Duration.ofMinutes(5)), "101.2"));
        feed(a, ok(T0.plus(Q), "103.5"));
        feed(a, ok(T0.plus(Q.multipliedBy(2)), "110.25"));
        assertEquals(2, closed.size());
        assertEquals(T0, closed.get(0).intervalStart());
        assertEquals(T0.plus(Q), closed.get(0).intervalEnd());
        assertEquals(new BigDecimal("3.500"), closed.get(0).energyKwh());
        assertEquals(Quality.GOOD, closed.get(0).quality());
        assertEquals(new BigDecimal("6.75"), closed.get(1).energyKwh());
    }

    @Test
    void counterWrap_isComputedAcrossTheWrapAndFlaggedRollover() {
        IntervalAggregator a = new IntervalAggregator(GRID, new BigDecimal("4294967.296"));
        feed(a, ok(T0, "4294960.000"));
        feed(a, ok(T0.plus(Q), "2.704"));
        assertEquals(Quality.ROLLOVER, closed.getFirst().quality());
        assertEquals(0, new BigDecimal("10.000").compareTo(closed.getFirst().energyKwh()));
    }

    @Test
    void counterGoingBackwards_isAMeterResetWithoutEnergy() {
        IntervalAggregator a = new IntervalAggregator(GRID, null);
        feed(a, ok(T0, "5000"));
        feed(a, ok(T0.plus(Duration.ofMinutes(5)), "5001"));
        feed(a, ok(T0.plus(Duration.ofMinutes(10)), "0.5"));
        feed(a, ok(T0.plus(Q), "1.5"));
        feed(a, ok(T0.plus(Q.multipliedBy(2)), "4.5"));
        assertEquals(Quality.METER_RESET, closed.get(0).quality());
        assertNull(closed.get(0).energyKwh());
        assertEquals(Quality.GOOD, closed.get(1).quality());
        assertEquals(new BigDecimal("3.0"), closed.get(1).energyKwh());
    }

    @Test
    void resetWithinOneInterval_isDetectedEvenWhenTheEndIsAboveTheStart() {
        IntervalAggregator a = new IntervalAggregator(GRID, null);
        feed(a, ok(T0, "10"));
        feed(a, ok(T0.plus(Duration.ofMinutes(5)), "12"));
        feed(a, ok(T0.plus(Duration.ofMinutes(10)), "0"));
        feed(a, ok(T0.plus(Q), "11"));
        assertEquals(Quality.METER_RESET, closed.getFirst().quality());
        assertNull(closed.getFirst().energyKwh());
    }

    @Test
    void failedBoundary_isACommFailureIntervalAndTheSpanIsAGapWithMeasuredEnergy() {
        IntervalAggregator a = new IntervalAggregator(GRID, null);
        feed(a, ok(T0, "100"));
        feed(a, failed(T0.plus(Q)));
        feed(a, failed(T0.plus(Q.multipliedBy(2))));
        feed(a, ok(T0.plus(Q.multipliedBy(3)), "130"));
        assertEquals(3, closed.size());
        assertEquals(Quality.COMM_FAILURE, closed.get(0).quality());
        assertNull(closed.get(0).energyKwh());
        assertEquals("connection refused", closed.get(0).note());
        assertEquals(Quality.COMM_FAILURE, closed.get(1).quality());
        IntervalReading gap = closed.get(2);
        assertEquals(Quality.GAP, gap.quality());
        assertEquals(T0, gap.intervalStart());
        assertEquals(T0.plus(Q.multipliedBy(3)), gap.intervalEnd());
        assertEquals(new BigDecimal("30"), gap.energyKwh());
    }

    @Test
    void restartAfterDowntime_coversTheMissedSpanOnceAsGap() {
        IntervalAggregator a = new IntervalAggregator(GRID, null);
        feed(a, ok(T0, "100"));
        feed(a, ok(T0.plus(Q), "110"));
        // connector down for two boundaries, then the same boundary is polled twice after restart
        feed(a, ok(T0.plus(Q.multipliedBy(4)), "140"));
        feed(a, ok(T0.plus(Q.multipliedBy(4)), "140"));
        assertEquals(2, closed.size());
        assertEquals(Quality.GAP, closed.get(1).quality());
        assertEquals(new BigDecimal("30"), closed.get(1).energyKwh());
        BigDecimal sum = closed.stream().map(IntervalReading::energyKwh).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, new BigDecimal("40").compareTo(sum));
    }

    @Test
    void failedPollBetweenBoundaries_flagsNothing() {
        IntervalAggregator a = new IntervalAggregator(GRID, null);
        feed(a, ok(T0, "100"));
        feed(a, failed(T0.plus(Duration.ofMinutes(5))));
        feed(a, ok(T0.plus(Q), "101"));
        assertEquals(1, closed.size());
        assertEquals(Quality.GOOD, closed.getFirst().quality());
        assertTrue(closed.getFirst().energyKwh().compareTo(BigDecimal.ONE) == 0);
    }
}
