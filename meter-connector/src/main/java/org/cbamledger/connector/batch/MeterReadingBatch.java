package org.cbamledger.connector.batch;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.cbamledger.connector.reading.IntervalReading;
import org.cbamledger.connector.register.RegisterCodec;
import org.cbamledger.connector.register.RegisterValue;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code meter-reading-batch} record (api-spec schemas/v1/meter-reading-batch.schema.json): the
 * readings of one meter, numbered per device so the ledger sees gaps and replays.
 */
public record MeterReadingBatch(String meterId, String deviceId, long sequence, List<IntervalReading> readings) {
    public static final String KIND = Kinds.METER_READING_BATCH;
    private static final ObjectMapper JSON = JsonMappers.PLAIN;

    public MeterReadingBatch {
        readings = List.copyOf(readings);
        if (readings.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one reading");
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("batch sequence starts at 0, got " + sequence);
        }
    }

    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", KIND);
        root.put("meterId", meterId);
        root.put("deviceId", deviceId);
        root.put("sequence", sequence);
        ArrayNode array = root.putArray("readings");
        for (IntervalReading r : readings) {
            ObjectNode reading = array.addObject();
            reading.put("intervalStart", rfc3339(r.intervalStart()));
            reading.put("intervalEnd", rfc3339(r.intervalEnd()));
            String quality = wireQuality(r);
            boolean measured = quality.equals("GOOD") || quality.equals("SUSPECT");
            RegisterValue evidence = r.endCounter() != null ? r.endCounter() : r.startCounter();
            if (measured) {
                reading.put("energyKwh", RegisterCodec.plain(r.energyKwh()).toPlainString());
                reading.put("rawRegisterValue", r.endCounter().rawHex());
            } else {
                reading.putNull("energyKwh");
                reading.putNull("rawRegisterValue");
            }
            reading.put("scale", evidence == null ? "1" : RegisterCodec.plain(evidence.scale()).toPlainString());
            reading.put("quality", quality);
        }
        return root;
    }

    /**
     * The schema's quality for a reading. GOOD: both boundaries read. SUSPECT: measured energy that
     * needs a look (counter wrapped, or a span across boundaries that were never read). GAP: energy
     * unknown (meter reset). COMM_FAILURE: the boundary reading failed. Optional channels (power,
     * voltage) have no member in the schema yet and are not sent.
     */
    public static String wireQuality(IntervalReading r) {
        return switch (r.quality()) {
            case GOOD -> "GOOD";
            case ROLLOVER -> "SUSPECT";
            case GAP -> r.energyKwh() != null && r.endCounter() != null ? "SUSPECT" : "GAP";
            case METER_RESET -> "GAP";
            case COMM_FAILURE -> "COMM_FAILURE";
        };
    }

    public byte[] toJsonBytes() {
        return JSON.writeValueAsString(toJson()).getBytes(StandardCharsets.UTF_8);
    }

    static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
