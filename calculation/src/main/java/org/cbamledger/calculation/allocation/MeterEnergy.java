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

/**
 * A meter's readings in a period, month by month (UTC, by the reading's start): per month the exact kWh of the
 * readings with a value and the batch entries they sit in, as one {@link EntriesRef}; and the seconds they cover.
 * Batches are looked up by meter once for all meters, and each reading is added as an integer where it can be
 * ({@link ExactSum}).
 */
final class MeterEnergy {
    private static final String KIND = "meter-reading-batch";
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
        Map<YearMonth, ExactSum> sums = new TreeMap<>();
        Map<YearMonth, List<UsedEvidence>> entries = new TreeMap<>();
        long covered = 0;
        MonthSpan span = null;
        for (EvidenceRecord record : batchesByMeter.getOrDefault(meterId, List.of())) {
            RecordReader batch = new RecordReader(record);
            ExactSum sum = null;
            for (BatchReadings.Reading reading : BatchReadings.of(batch)) {
                if (reading.startSecond() < fromSecond || reading.endSecond() > toSecond
                        || reading.energy().isMissingNode() || reading.energy().isNull()) {
                    continue;
                }
                if (span == null || !span.contains(reading.startSecond())) {
                    span = MonthSpan.of(reading.startSecond());
                    sum = null;
                }
                if (sum == null) {
                    sum = sums.computeIfAbsent(span.month(), m -> new ExactSum());
                    List<UsedEvidence> list = entries.computeIfAbsent(span.month(), m -> new ArrayList<>());
                    if (list.isEmpty() || list.getLast().leafIndex() != record.leafIndex()) {
                        list.add(new UsedEvidence(record.leafIndex(), record.leafHashHex(), record.entryKind()));
                    }
                }
                if (!sum.add(reading.energy())) {
                    throw new CalculationException(record.describe() + ": " + reading.energyPointer() + " must be a decimal");
                }
                covered += reading.endSecond() - reading.startSecond();
            }
        }
        Map<YearMonth, EntriesRef> kwh = new TreeMap<>();
        for (Map.Entry<YearMonth, ExactSum> month : sums.entrySet()) {
            kwh.put(month.getKey(), new EntriesRef(new EntrySet(KIND, entries.get(month.getKey())), month.getValue().fields(),
                    month.getValue().value()));
        }
        return new Months(kwh, covered);
    }
}
