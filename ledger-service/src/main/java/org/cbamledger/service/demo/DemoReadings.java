package org.cbamledger.service.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One day of 15-minute readings of an extrusion plant's meters: two production shifts (06:00-22:00) at
 * running load, idle load at night, a little noise. Each reading keeps the raw register (two 16-bit words)
 * beside the decoded energy, as the meter gateway would.
 */
final class DemoReadings {
    static final BigDecimal SCALE_KWH = new BigDecimal("0.1");
    static final int INTERVAL_MINUTES = 15;

    private final Random noise = new Random(20261101L);

    /** Register counts consumed by {@code meter} in the interval starting at {@code start}. */
    long countsIn(DemoMeter meter, Instant start) {
        int hour = start.atZone(ZoneOffset.UTC).getHour();
        double kw = hour >= 6 && hour < 22 ? meter.runningKw() : meter.idleKw();
        double kwh = kw * INTERVAL_MINUTES / 60.0 * (0.92 + 0.16 * noise.nextDouble());
        return Math.round(kwh / SCALE_KWH.doubleValue());
    }

    /**
     * A meter-reading-batch record of {@code intervals} readings from {@code start}; advances
     * {@code register[0]}, the meter's register counts at {@code start}.
     */
    ObjectNode batch(DemoMeter meter, String deviceId, long sequence, Instant start, int intervals, long[] register) {
        ObjectNode batch = JsonNodeFactory.instance.objectNode();
        batch.put("kind", Kinds.METER_READING_BATCH);
        batch.put("meterId", meter.meterId());
        batch.put("deviceId", deviceId);
        batch.put("sequence", sequence);
        ArrayNode readings = batch.putArray("readings");
        for (int i = 0; i < intervals; i++) {
            Instant from = start.plus((long) INTERVAL_MINUTES * i, ChronoUnit.MINUTES);
            long counts = countsIn(meter, from);
            register[0] += counts;
            ObjectNode reading = readings.addObject();
            reading.put("intervalStart", from.toString());
            reading.put("intervalEnd", from.plus(INTERVAL_MINUTES, ChronoUnit.MINUTES).toString());
            reading.put("energyKwh", SCALE_KWH.multiply(BigDecimal.valueOf(counts)).toPlainString());
            reading.put("rawRegisterValue", String.format("%08x", register[0] & 0xffff_ffffL));
            reading.put("scale", SCALE_KWH.toPlainString());
            reading.put("quality", "GOOD");
        }
        return batch;
    }
}
