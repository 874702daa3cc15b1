package org.cbamledger.calculation.evidence;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.cbamledger.calculation.core.CalculationException;
import tools.jackson.databind.JsonNode;

/**
 * The readings of a meter-reading-batch as rows, whichever version: version 1 holds an object per reading
 * ({@code /readings/i}), version 2 ({@code "version": 2}) holds columns from one start and interval length
 * ({@code /energyKwh/i}). {@code energyPointer} is where the reading's kWh sit, for {@link RecordReader#decimal}.
 */
public final class BatchReadings {
    public record Reading(Instant start, Instant end, String quality, String energyPointer) {}

    private BatchReadings() {}

    public static List<Reading> of(RecordReader batch) throws CalculationException {
        return batch.node("/version").isMissingNode() ? rows(batch) : columns(batch);
    }

    private static List<Reading> rows(RecordReader batch) throws CalculationException {
        JsonNode readings = batch.node("/readings");
        List<Reading> rows = new ArrayList<>(readings.size());
        for (int i = 0; i < readings.size(); i++) {
            String at = "/readings/" + i;
            rows.add(new Reading(instant(batch, at + "/intervalStart"), instant(batch, at + "/intervalEnd"),
                    batch.text(at + "/quality"), at + "/energyKwh"));
        }
        return rows;
    }

    private static List<Reading> columns(RecordReader batch) throws CalculationException {
        if (batch.node("/version").asInt() != 2) {
            throw new CalculationException(batch.evidence().describe() + ": meter-reading-batch version "
                    + batch.node("/version") + " is unknown");
        }
        Instant start = instant(batch, "/start");
        long seconds = batch.node("/intervalSeconds").asLong();
        JsonNode quality = batch.node("/quality");
        List<Reading> rows = new ArrayList<>(quality.size());
        for (int i = 0; i < quality.size(); i++) {
            Instant from = start.plusSeconds(seconds * i);
            rows.add(new Reading(from, from.plusSeconds(seconds), batch.text("/quality/" + i), "/energyKwh/" + i));
        }
        return rows;
    }

    private static Instant instant(RecordReader batch, String pointer) throws CalculationException {
        String text = batch.text(pointer);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CalculationException(batch.evidence().describe() + ": " + pointer + " must be a date-time, not " + text, e);
        }
    }
}
