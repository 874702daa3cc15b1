package org.cbamledger.calculation.electricity;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.core.UsedEvidence;
import org.cbamledger.calculation.evidence.BatchReadings;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.evidence.RecordReader;
import org.cbamledger.calculation.trace.TraceInput.EvidenceRef;

/**
 * The readings of one meter (api-spec meter-reading-batch, energyKwh) by hour: sub-hourly readings add up to the
 * hour when they cover it whole; a reading of a whole calendar month is kept as that month's value (monthly data).
 * GAP and COMM_FAILURE readings mark their hours missing; SUSPECT readings mark them suspect.
 */
public final class MeterSeries {
    private final String meterId;
    private final Map<Instant, List<EvidenceRef>> hourly = new TreeMap<>();
    private final Map<Instant, Long> coveredSeconds = new HashMap<>();
    private final Set<Instant> flagged = new HashSet<>();
    private final Set<Instant> suspect = new HashSet<>();
    private final Map<YearMonth, List<EvidenceRef>> monthly = new TreeMap<>();
    private final Set<UsedEvidence> evidence = new LinkedHashSet<>();

    public MeterSeries(String meterId, List<EvidenceRecord> batches) throws CalculationException {
        this.meterId = meterId;
        for (EvidenceRecord batch : batches) {
            RecordReader reader = new RecordReader(batch);
            if (!reader.text("/meterId").equals(meterId)) {
                continue;
            }
            evidence.add(new UsedEvidence(batch.leafIndex(), batch.leafHashHex(), batch.kind()));
            for (BatchReadings.Reading reading : BatchReadings.of(reader)) {
                read(reader, reading);
            }
        }
    }

    private void read(RecordReader reader, BatchReadings.Reading reading) throws CalculationException {
        String at = reading.energyPointer();
        Instant start = reading.start();
        Instant end = reading.end();
        String quality = reading.quality();
        YearMonth month = Hours.monthOf(start);
        boolean wholeMonth = start.equals(month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC))
                && end.equals(month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        if (wholeMonth) {
            if (quality.equals("GOOD") || quality.equals("SUSPECT")) {
                monthly.computeIfAbsent(month, m -> new ArrayList<>()).add(BatchReadings.kwh(reader, reading));
            }
            return;
        }
        long seconds = Duration.between(start, end).getSeconds();
        if (seconds <= 0 || seconds > 3600 || 3600 % seconds != 0) {
            throw new CalculationException(reader.evidence().describe() + ": the reading at " + at + " is neither within one hour nor a calendar month");
        }
        Instant hour = Instant.ofEpochSecond(start.getEpochSecond() - Math.floorMod(start.getEpochSecond(), 3600));
        if (!end.minusSeconds(1).isBefore(hour.plusSeconds(3600))) {
            throw new CalculationException(reader.evidence().describe() + ": the reading at " + at + " crosses an hour boundary");
        }
        if (quality.equals("GAP") || quality.equals("COMM_FAILURE")) {
            flagged.add(hour);
            return;
        }
        if (quality.equals("SUSPECT")) {
            suspect.add(hour);
        }
        hourly.computeIfAbsent(hour, h -> new ArrayList<>()).add(BatchReadings.kwh(reader, reading));
        coveredSeconds.merge(hour, seconds, Long::sum);
    }

    public String meterId() {
        return meterId;
    }

    /** The readings (kWh) of a fully covered, unflagged hour; empty list when the hour is missing. */
    public List<EvidenceRef> hour(Instant hour) {
        if (flagged.contains(hour) || coveredSeconds.getOrDefault(hour, 0L) != 3600) {
            return List.of();
        }
        return hourly.get(hour);
    }

    public boolean isSuspect(Instant hour) {
        return suspect.contains(hour);
    }

    public boolean hasMonthly(YearMonth month) {
        return monthly.containsKey(month);
    }

    public List<EvidenceRef> month(YearMonth month) {
        return monthly.getOrDefault(month, List.of());
    }

    public boolean isEmpty() {
        return hourly.isEmpty() && monthly.isEmpty();
    }

    public Set<UsedEvidence> evidence() {
        return evidence;
    }
}
