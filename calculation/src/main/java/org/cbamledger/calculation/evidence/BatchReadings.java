package org.cbamledger.calculation.evidence;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.core.ExactSum;
import org.cbamledger.calculation.trace.TraceInput.EvidenceRef;
import tools.jackson.databind.JsonNode;

/**
 * The readings of a meter-reading-batch as rows, whichever version: version 1 holds an object per reading
 * ({@code /readings/i}), version 2 ({@code "version": 2}) holds columns from one start and interval length
 * ({@code /energyKwh/i}), as a tree or as {@link BatchColumns}. {@link Reading#energyPointer} says where a reading's
 * kWh sits; {@link #kwh} reads it either way.
 */
public final class BatchReadings {
    /** One reading: its interval in epoch seconds, its quality flag, its index in the batch. */
    public record Reading(long startSecond, long endSecond, String quality, int index, boolean columnar) {
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
        /** {@code energy} is the reading's kWh, valid during the call only. */
        void reading(long startSecond, long endSecond, String quality, Energy energy, int index) throws CalculationException;
    }

    /** The kWh of the reading being visited: its tree node, or its column's billionths. One instance per batch walk. */
    public static final class Energy {
        private JsonNode node;
        private BatchColumns columns;
        private int index;

        /** No value: a missing or null node, or {@link BatchColumns#ABSENT}. */
        public boolean isAbsent() {
            return columns == null ? node.isMissingNode() || node.isNull() : columns.billionths(index) == BatchColumns.ABSENT;
        }

        /** Adds the kWh to {@code sum} exactly; false (nothing added) when it is not a decimal. */
        public boolean addTo(ExactSum sum) {
            if (columns == null) {
                return sum.add(node);
            }
            sum.addBillionths(columns.billionths(index));
            return true;
        }
    }

    private BatchReadings() {}

    public static List<Reading> of(RecordReader batch) throws CalculationException {
        List<Reading> rows = new ArrayList<>();
        forEach(batch, (from, to, quality, energy, index) -> rows.add(new Reading(from, to, quality, index,
                batch.evidence().columns() != null || !batch.node("/version").isMissingNode())));
        return rows;
    }

    /** Each reading of the batch, in order, to {@code visitor}; the same readings and checks as {@link #of}. */
    public static void forEach(RecordReader batch, Visitor visitor) throws CalculationException {
        Energy energy = new Energy();
        BatchColumns compact = batch.evidence().columns();
        if (compact != null) {
            energy.columns = compact;
            for (int i = 0; i < compact.size(); i++) {
                long from = compact.startSecond() + compact.intervalSeconds() * i;
                energy.index = i;
                visitor.reading(from, from + compact.intervalSeconds(), compact.quality(i), energy, i);
            }
            return;
        }
        if (batch.node("/version").isMissingNode()) {
            // every row read (and checked) before the first is visited, as version 1 always was
            JsonNode readings = batch.node("/readings");
            long[] bounds = new long[readings.size() * 2];
            String[] quality = new String[readings.size()];
            for (int i = 0; i < readings.size(); i++) {
                String at = "/readings/" + i;
                bounds[2 * i] = instant(batch, at + "/intervalStart").getEpochSecond();
                bounds[2 * i + 1] = instant(batch, at + "/intervalEnd").getEpochSecond();
                quality[i] = batch.text(at + "/quality");
            }
            for (int i = 0; i < readings.size(); i++) {
                energy.node = readings.get(i).path("energyKwh");
                visitor.reading(bounds[2 * i], bounds[2 * i + 1], quality[i], energy, i);
            }
            return;
        }
        Columns columns = Columns.of(batch);
        for (int i = 0; i < columns.quality().size(); i++) {
            long from = columns.startSecond() + columns.seconds() * i;
            String quality = columns.flag(batch, i);
            energy.node = columns.energy().path(i);
            visitor.reading(from, from + columns.seconds(), quality, energy, i);
        }
    }

    /** A reading's kWh as evidence: from its column, or its node read by {@link RecordReader#decimal}. */
    public static EvidenceRef kwh(RecordReader batch, Reading reading) throws CalculationException {
        BatchColumns columns = batch.evidence().columns();
        if (columns == null) {
            return batch.decimal(reading.energyPointer());
        }
        if (columns.billionths(reading.index()) == BatchColumns.ABSENT) {
            throw batch.missing(reading.energyPointer());
        }
        EvidenceRecord evidence = batch.evidence();
        return new EvidenceRef(evidence.leafIndex(), evidence.leafHashHex(), evidence.entryKind(),
                evidence.pointerBase() + reading.energyPointer(), columns.kwh(reading.index()));
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

    private static Instant instant(RecordReader batch, String pointer) throws CalculationException {
        String text = batch.text(pointer);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CalculationException(batch.evidence().describe() + ": " + pointer + " must be a date-time, not " + text, e);
        }
    }
}
