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
 * ({@code /energyKwh/i}). A row carries its energy node as read, and {@link Reading#energyPointer} says where it
 * sits, for {@link RecordReader#decimal}.
 */
public final class BatchReadings {
    /** One reading: its interval in epoch seconds, its quality flag, its energy node (missing or null when absent). */
    public record Reading(long startSecond, long endSecond, String quality, JsonNode energy, int index, boolean columnar) {
        public Instant start() {
            return Instant.ofEpochSecond(startSecond);
        }

        public Instant end() {
            return Instant.ofEpochSecond(endSecond);
        }

        public String energyPointer() {
            return columnar ? "/energyKwh/" + index : "/readings/" + index + "/energyKwh";
        }
    }

    /** Takes each reading of a batch in turn, without a row object (a plant's year has millions). */
    @FunctionalInterface
    public interface Visitor {
        void reading(long startSecond, long endSecond, String quality, JsonNode energy, int index) throws CalculationException;
    }

    private BatchReadings() {}

    public static List<Reading> of(RecordReader batch) throws CalculationException {
        return batch.node("/version").isMissingNode() ? rows(batch) : columns(batch);
    }

    /** Each reading of the batch, in order, to {@code visitor}; the same readings and checks as {@link #of}. */
    public static void forEach(RecordReader batch, Visitor visitor) throws CalculationException {
        if (batch.node("/version").isMissingNode()) {
            for (Reading r : rows(batch)) {
                visitor.reading(r.startSecond(), r.endSecond(), r.quality(), r.energy(), r.index());
            }
            return;
        }
        Columns columns = Columns.of(batch);
        for (int i = 0; i < columns.quality().size(); i++) {
            long from = columns.startSecond() + columns.seconds() * i;
            visitor.reading(from, from + columns.seconds(), columns.flag(batch, i), columns.energy().path(i), i);
        }
    }

    /** The columns of a version 2 batch. */
    private record Columns(long startSecond, long seconds, JsonNode quality, JsonNode energy) {
        static Columns of(RecordReader batch) throws CalculationException {
            if (batch.node("/version").asInt() != 2) {
                throw new CalculationException(batch.evidence().describe() + ": meter-reading-batch version "
                        + batch.node("/version") + " is unknown");
            }
            return new Columns(instant(batch, "/start").getEpochSecond(), batch.node("/intervalSeconds").asLong(),
                    batch.node("/quality"), batch.node("/energyKwh"));
        }

        String flag(RecordReader batch, int i) throws CalculationException {
            JsonNode flag = quality.get(i);
            if (!flag.isString()) {
                throw flag.isNull() ? batch.missing("/quality/" + i)
                        : new CalculationException(batch.evidence().describe() + ": /quality/" + i + " must be a string");
            }
            return flag.asString();
        }
    }

    private static List<Reading> rows(RecordReader batch) throws CalculationException {
        JsonNode readings = batch.node("/readings");
        List<Reading> rows = new ArrayList<>(readings.size());
        for (int i = 0; i < readings.size(); i++) {
            String at = "/readings/" + i;
            rows.add(new Reading(instant(batch, at + "/intervalStart").getEpochSecond(),
                    instant(batch, at + "/intervalEnd").getEpochSecond(), batch.text(at + "/quality"),
                    readings.get(i).path("energyKwh"), i, false));
        }
        return rows;
    }

    private static List<Reading> columns(RecordReader batch) throws CalculationException {
        Columns columns = Columns.of(batch);
        List<Reading> rows = new ArrayList<>(columns.quality().size());
        for (int i = 0; i < columns.quality().size(); i++) {
            long from = columns.startSecond() + columns.seconds() * i;
            rows.add(new Reading(from, from + columns.seconds(), columns.flag(batch, i), columns.energy().path(i), i, true));
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
