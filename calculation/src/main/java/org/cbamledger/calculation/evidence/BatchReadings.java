package org.cbamledger.calculation.evidence;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
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
        boolean columnar = batch.evidence().columns() != null || !batch.node("/version").isMissingNode();
        forEach(batch, (from, to, quality, energy, index) -> rows.add(new Reading(from, to, quality, index, columnar)));
        return rows;
    }

    /** Each reading of the batch, in order, to {@code visitor}; the same readings and checks as {@link #of}. */
    public static void forEach(RecordReader batch, Visitor visitor) throws CalculationException {
        Energy energy = new Energy();
        BatchColumns compact = batch.evidence().columns();
        if (compact != null) {
            energy.columns = compact;
            checkEnd(batch, compact.startSecond(), compact.intervalSeconds(), compact.size());
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
                bounds[2 * i] = second(batch, at + "/intervalStart");
                bounds[2 * i + 1] = second(batch, at + "/intervalEnd");
                quality[i] = batch.text(at + "/quality");
            }
            for (int i = 0; i < readings.size(); i++) {
                energy.node = readings.get(i).path("energyKwh");
                visitor.reading(bounds[2 * i], bounds[2 * i + 1], quality[i], energy, i);
            }
            return;
        }
        Columns columns = Columns.of(batch);
        checkEnd(batch, columns.startSecond(), columns.seconds(), columns.quality().size());
        for (int i = 0; i < columns.quality().size(); i++) {
            long from = columns.startSecond() + columns.seconds() * i;
            String quality = columns.flag(batch, i);
            energy.node = columns.energy().path(i);
            visitor.reading(from, from + columns.seconds(), quality, energy, i);
        }
    }

    /**
     * Refuses a version 2 batch whose last reading would end outside the instants Java holds (the schema bounds the
     * interval and the count, but a bundle's record is read as it is): every reading's bounds then fit exactly.
     */
    private static void checkEnd(RecordReader batch, long startSecond, long intervalSeconds, int readings)
            throws CalculationException {
        try {
            long end = Math.addExact(startSecond, Math.multiplyExact(intervalSeconds, (long) readings));
            if (end >= Instant.MIN.getEpochSecond() && end <= Instant.MAX.getEpochSecond()) {
                return;
            }
        } catch (ArithmeticException e) {
            // refused below, as an end beyond the range
        }
        throw new CalculationException(batch.evidence().describe() + ": " + readings + " readings of /intervalSeconds "
                + intervalSeconds + " from /start end beyond the years Java represents (" + Instant.MIN + " to " + Instant.MAX + ")");
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
            JsonNode interval = batch.node("/intervalSeconds");
            if (!interval.isIntegralNumber() || !interval.canConvertToLong()) {
                throw new CalculationException(batch.evidence().describe() + ": /intervalSeconds must be a whole number of seconds, not "
                        + interval);
            }
            return new Columns(second(batch, "/start"), interval.asLong(), batch.node("/quality"), batch.node("/energyKwh"));
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

    /**
     * A reading time in epoch seconds. Readings are counted by the second, so a time with a fraction of a second is
     * refused rather than cut (a reading ending half a second after the period would count within it); the schemas
     * refuse such times too (common.schema.json readingTime).
     */
    private static long second(RecordReader batch, String pointer) throws CalculationException {
        String text = batch.text(pointer);
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CalculationException(batch.evidence().describe() + ": " + pointer + " must be a date-time, not " + text, e);
        }
        if (!isWholeSecond(text, instant)) {
            throw new CalculationException(batch.evidence().describe() + ": " + pointer + " " + text
                    + " is not a whole second: reading times have no fraction and no leap second");
        }
        return instant.getEpochSecond();
    }

    /**
     * Whether a date-time Instant.parse read as {@code parsed} is written as a whole second: no fraction, not even
     * {@code .000}, and no leap second ({@code :60}, which Instant.parse reads as the second before it), in whatever
     * year form. The schemas' readingTime refuses these and more (24:00, a lowercase t or z).
     */
    static boolean isWholeSecond(String text, Instant parsed) {
        return parsed.getNano() == 0 && text.indexOf('.') < 0
                && !(text.contains(":60") && DateTimeFormatter.ISO_INSTANT.parse(text).query(DateTimeFormatter.parsedLeapSecond()));
    }
}
