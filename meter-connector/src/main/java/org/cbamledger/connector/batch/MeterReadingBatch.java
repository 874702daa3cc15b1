package org.cbamledger.connector.batch;

import java.math.BigDecimal;
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
 * A {@code meter-reading-batch} record: the readings of one meter, numbered per device so the ledger sees gaps and
 * replays. Sent as version 2 (api-spec schemas/v1/meter-reading-batch.v2.schema.json: one start, the interval length,
 * columns of energy, raw register words and quality) whenever {@link BatchColumns#fit} says the readings can be;
 * otherwise as version 1 (meter-reading-batch.schema.json: an object per reading).
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

    /** 2 when the readings go in columns, else 1. */
    public int version() {
        return BatchColumns.fit(readings) ? 2 : 1;
    }

    public ObjectNode toJson() {
        return version() == 2 ? toColumnsJson() : toVersion1Json();
    }

    /** The same readings as version 1: what {@link #toJson} sends when they do not fit in columns. */
    public ObjectNode toVersion1Json() {
        ObjectNode root = header();
        ArrayNode array = root.putArray("readings");
        for (IntervalReading r : readings) {
            ObjectNode reading = array.addObject();
            reading.put("intervalStart", rfc3339(r.intervalStart()));
            reading.put("intervalEnd", rfc3339(r.intervalEnd()));
            reading.put("energyKwh", energy(r));
            reading.put("rawRegisterValue", raw(r));
            reading.put("scale", RegisterCodec.plain(scaleOf(r)).toPlainString());
            reading.put("quality", wireQuality(r));
        }
        return root;
    }

    private ObjectNode toColumnsJson() {
        ObjectNode root = header();
        root.put("version", 2);
        root.put("start", rfc3339(readings.getFirst().intervalStart()));
        root.put("intervalSeconds", BatchColumns.seconds(readings.getFirst()));
        root.put("scale", RegisterCodec.plain(BatchColumns.scale(readings)).toPlainString());
        ArrayNode energy = root.putArray("energyKwh");
        ArrayNode raw = root.putArray("rawRegisterValues");
        ArrayNode quality = root.putArray("quality");
        for (IntervalReading r : readings) {
            energy.add(energy(r));
            raw.add(raw(r));
            quality.add(wireQuality(r));
        }
        return root;
    }

    private ObjectNode header() {
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", KIND);
        root.put("meterId", meterId);
        root.put("deviceId", deviceId);
        root.put("sequence", sequence);
        return root;
    }

    /** The exact decimal, or null for a reading without energy (GAP, COMM_FAILURE): never a stale value. */
    private static String energy(IntervalReading r) {
        return measured(r) ? RegisterCodec.plain(r.energyKwh()).toPlainString() : null;
    }

    private static String raw(IntervalReading r) {
        return measured(r) ? r.endCounter().rawHex() : null;
    }

    /** GOOD or SUSPECT: the reading carries energy and the register words it came from. */
    static boolean measured(IntervalReading r) {
        String quality = wireQuality(r);
        return quality.equals("GOOD") || quality.equals("SUSPECT");
    }

    /** The register scale of the reading's evidence, 1 when there is no register (a failed read before any). */
    static BigDecimal scaleOf(IntervalReading r) {
        RegisterValue evidence = r.endCounter() != null ? r.endCounter() : r.startCounter();
        return evidence == null ? BigDecimal.ONE : evidence.scale();
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
