package org.cbamledger.connector.batch;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cbamledger.connector.reading.IntervalReading;

/**
 * When readings can go as one {@code meter-reading-batch} version 2 (api-spec schemas/v1/meter-reading-batch.v2):
 * consecutive intervals of one length in whole seconds, at most a day, the measured ones in one register scale.
 * A reading that cannot (a span over more than a day after a long outage, a length in fractions of a second) goes
 * alone in version 1, which stays valid.
 */
public final class BatchColumns {
    /** The v2 schema's {@code maxItems}: 31 days of 15-minute intervals. */
    public static final int MAX_READINGS = 2976;
    static final long MAX_INTERVAL_SECONDS = 86_400;

    private BatchColumns() {}

    /** True when the readings make one version 2 batch. */
    public static boolean fit(List<IntervalReading> readings) {
        if (readings.isEmpty() || readings.size() > MAX_READINGS || !expressible(readings.getFirst())) {
            return false;
        }
        for (int i = 1; i < readings.size(); i++) {
            if (!continues(readings.subList(0, i), readings.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The readings cut into batches of at most {@code maxPerBatch} (and {@link #MAX_READINGS}), a new batch wherever
     * the next reading does not continue the columns of the current one.
     */
    public static List<List<IntervalReading>> split(List<IntervalReading> readings, int maxPerBatch) {
        int max = Math.min(maxPerBatch, MAX_READINGS);
        List<List<IntervalReading>> batches = new ArrayList<>();
        List<IntervalReading> current = new ArrayList<>();
        for (IntervalReading reading : readings) {
            if (!current.isEmpty() && (current.size() == max || !expressible(current.getFirst())
                    || !continues(current, reading))) {
                batches.add(current);
                current = new ArrayList<>();
            }
            current.add(reading);
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    static long seconds(IntervalReading reading) {
        return Duration.between(reading.intervalStart(), reading.intervalEnd()).getSeconds();
    }

    /** The batch's scale: that of its first measured reading, else of its first reading. */
    static BigDecimal scale(List<IntervalReading> readings) {
        return readings.stream().filter(MeterReadingBatch::measured).findFirst()
                .map(MeterReadingBatch::scaleOf).orElse(MeterReadingBatch.scaleOf(readings.getFirst()));
    }

    private static boolean expressible(IntervalReading reading) {
        Duration length = Duration.between(reading.intervalStart(), reading.intervalEnd());
        return length.getNano() == 0 && reading.intervalStart().getNano() == 0 && length.getSeconds() >= 1
                && length.getSeconds() <= MAX_INTERVAL_SECONDS;
    }

    private static boolean continues(List<IntervalReading> run, IntervalReading next) {
        IntervalReading last = run.getLast();
        return next.intervalStart().equals(last.intervalEnd()) && seconds(next) == seconds(run.getFirst())
                && Duration.between(next.intervalStart(), next.intervalEnd()).getNano() == 0
                && (!MeterReadingBatch.measured(next) || scale(run).compareTo(MeterReadingBatch.scaleOf(next)) == 0
                        || run.stream().noneMatch(MeterReadingBatch::measured));
    }
}
