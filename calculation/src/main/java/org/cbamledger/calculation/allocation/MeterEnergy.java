package org.cbamledger.calculation.allocation;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.core.ExactSum;
import org.cbamledger.calculation.core.ReportingPeriod;
import org.cbamledger.calculation.core.UsedEvidence;
import org.cbamledger.calculation.evidence.BatchReadings;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.evidence.RecordReader;
import org.cbamledger.calculation.trace.EntrySet;
import org.cbamledger.calculation.trace.TraceInput.EntriesRef;
import org.cbamledger.spec.Kinds;

/**
 * A meter's readings in a period, month by month (UTC, by the reading's start): per month the exact kWh of the
 * readings with a value and the batch entries they sit in, as one {@link EntriesRef}; and the seconds they cover.
 * Batches are looked up by meter once for all meters, and each reading is added as an integer where it can be
 * ({@link ExactSum}).
 */
final class MeterEnergy {
    private final Map<String, List<EvidenceRecord>> batchesByMeter = new HashMap<>();
    private final long fromSecond;
    private final long toSecond;

    MeterEnergy(List<EvidenceRecord> batches, ReportingPeriod period) {
        for (EvidenceRecord batch : batches) {
            batchesByMeter.computeIfAbsent(batch.record().path("meterId").asString(""), m -> new ArrayList<>()).add(batch);
        }
        fromSecond = period.from().atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        toSecond = period.to().plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    long periodSeconds() {
        return toSecond - fromSecond;
    }

    record Months(Map<YearMonth, EntriesRef> kwh, long coveredSeconds) {}

    /** A calendar month (UTC) as epoch seconds [from, to), so consecutive readings need no date arithmetic. */
    private record MonthSpan(YearMonth month, long fromSecond, long toSecond) {
        static MonthSpan of(long epochSecond) {
            YearMonth month = YearMonth.from(java.time.Instant.ofEpochSecond(epochSecond).atZone(ZoneOffset.UTC));
            return new MonthSpan(month, month.atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC),
                    month.plusMonths(1).atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC));
        }

        boolean contains(long epochSecond) {
            return epochSecond >= fromSecond && epochSecond < toSecond;
        }
    }

    Months of(String meterId) throws CalculationException {
        Month month = new Month();
        for (EvidenceRecord record : batchesByMeter.getOrDefault(meterId, List.of())) {
            RecordReader batch = new RecordReader(record);
            month.batch = record;
            month.sum = null;
            BatchReadings.forEach(batch, month);
        }
        Map<YearMonth, EntriesRef> kwh = new TreeMap<>();
        for (Map.Entry<YearMonth, ExactSum> sum : month.sums.entrySet()) {
            EntrySet batches = new EntrySet(Kinds.METER_READING_BATCH, month.entries.get(sum.getKey()));
            kwh.put(sum.getKey(), new EntriesRef(batches, sum.getValue().fields(), sum.getValue().value()));
        }
        return new Months(kwh, month.coveredSeconds);
    }

    /** Adds each reading with a value in the period to its month's sum, and its batch to the month's entries once. */
    private final class Month implements BatchReadings.Visitor {
        final Map<YearMonth, ExactSum> sums = new TreeMap<>();
        final Map<YearMonth, List<UsedEvidence>> entries = new TreeMap<>();
        long coveredSeconds;
        EvidenceRecord batch;
        ExactSum sum;
        MonthSpan span;

        @Override
        public void reading(long startSecond, long endSecond, String quality, BatchReadings.Energy energy, int index)
                throws CalculationException {
            if (startSecond < fromSecond || endSecond > toSecond || energy.isAbsent()) {
                return;
            }
            if (span == null || !span.contains(startSecond)) {
                span = MonthSpan.of(startSecond);
                sum = null;
            }
            if (sum == null) {
                sum = sums.computeIfAbsent(span.month(), m -> new ExactSum());
                List<UsedEvidence> list = entries.computeIfAbsent(span.month(), m -> new ArrayList<>());
                if (list.isEmpty() || list.getLast().leafIndex() != batch.leafIndex()) {
                    list.add(new UsedEvidence(batch.leafIndex(), batch.leafHashHex(), batch.entryKind()));
                }
            }
            if (!energy.addTo(sum)) {
                throw new CalculationException(batch.describe() + ": " + pointer(batch, index) + " must be a decimal");
            }
            coveredSeconds += endSecond - startSecond;
        }
    }

    private static String pointer(EvidenceRecord batch, int index) {
        return batch.record().path("version").isMissingNode() ? "/readings/" + index + "/energyKwh" : "/energyKwh/" + index;
    }
}
