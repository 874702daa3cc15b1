package org.cbamledger.verifier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A meter-reading-batch of hourly or daily readings with each reading split into 15-minute ones that add up to it
 * exactly (to the register's 0.01 kWh; the last one takes the remainder), the register counting on from where the
 * batch's first reading started. Other records come back unchanged.
 */
final class QuarterHours {
    private static final BigDecimal REGISTER_STEP_KWH = new BigDecimal("0.01");
    static final long SECONDS = 900;

    private QuarterHours() {}

    static ScenarioRecord split(ScenarioRecord record) {
        JsonNode readings = record.record().path("readings");
        if (!record.kind().equals("meter-reading-batch") || readings.isEmpty()) {
            return record;
        }
        long seconds = seconds(readings.get(0));
        if (seconds != 3600 && seconds != 86400) {
            return record;
        }
        int parts = Math.toIntExact(seconds / SECONDS);
        ObjectNode batch = record.record().deepCopy();
        ArrayNode split = batch.putArray("readings");
        BigDecimal register = registerBefore(readings.get(0));
        for (JsonNode reading : readings) {
            Instant start = Instant.parse(reading.path("intervalStart").asString());
            BigDecimal kwh = reading.path("energyKwh").isNull() ? null : new BigDecimal(reading.path("energyKwh").asString());
            BigDecimal part = kwh == null ? null : kwh.divide(BigDecimal.valueOf(parts), 2, RoundingMode.DOWN);
            for (int i = 0; i < parts; i++) {
                ObjectNode out = split.addObject();
                out.put("intervalStart", start.plusSeconds(SECONDS * i).toString());
                out.put("intervalEnd", start.plusSeconds(SECONDS * (i + 1)).toString());
                if (kwh == null) {
                    out.putNull("energyKwh");
                    out.putNull("rawRegisterValue");
                } else {
                    BigDecimal energy = i < parts - 1 ? part : kwh.subtract(part.multiply(BigDecimal.valueOf(parts - 1)));
                    register = register.add(energy);
                    out.put("energyKwh", energy.toPlainString());
                    out.put("rawRegisterValue", String.format("%016x", register.divide(REGISTER_STEP_KWH).longValueExact()));
                }
                out.put("scale", reading.path("scale").asString());
                out.put("quality", reading.path("quality").asString());
            }
        }
        return new ScenarioRecord(record.partyId(), record.kind(), batch, record.source());
    }

    private static long seconds(JsonNode reading) {
        return Instant.parse(reading.path("intervalEnd").asString()).getEpochSecond()
                - Instant.parse(reading.path("intervalStart").asString()).getEpochSecond();
    }

    /** The register reading before the first interval: its value less its energy (0 for a gap). */
    private static BigDecimal registerBefore(JsonNode first) {
        if (first.path("rawRegisterValue").isNull() || first.path("energyKwh").isNull()) {
            return BigDecimal.ZERO;
        }
        BigDecimal after = BigDecimal.valueOf(Long.parseLong(first.path("rawRegisterValue").asString(), 16)).multiply(REGISTER_STEP_KWH);
        return after.subtract(new BigDecimal(first.path("energyKwh").asString()));
    }
}
