package org.cbamledger.calculation.electricity;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.core.UsedEvidence;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.evidence.RecordReader;
import org.cbamledger.calculation.trace.TraceInput.EvidenceRef;
import tools.jackson.databind.JsonNode;

/** Net generation of an asset from its generator meter (api-spec generation-data): hourly values and monthly totals. */
public final class GenerationSeries {
    private final Map<Instant, EvidenceRef> hourly = new HashMap<>();
    private final Map<YearMonth, EvidenceRef> monthly = new HashMap<>();
    private final Map<YearMonth, List<String>> gapHours = new HashMap<>();
    private final Set<YearMonth> monthsWithHourlyData = new java.util.HashSet<>();
    private final Set<UsedEvidence> evidence = new LinkedHashSet<>();

    public GenerationSeries(String assetId, String meterId, List<EvidenceRecord> records) throws CalculationException {
        for (EvidenceRecord record : records) {
            RecordReader reader = new RecordReader(record);
            if (!reader.text("/assetId").equals(assetId) || !reader.text("/meterId").equals(meterId)) {
                continue;
            }
            evidence.add(new UsedEvidence(record.leafIndex(), record.leafHashHex(), record.kind()));
            boolean hourlyResolution = reader.text("/resolution").equals("PT1H");
            JsonNode intervals = reader.node("/intervals");
            for (int i = 0; i < intervals.size(); i++) {
                String at = "/intervals/" + i;
                Instant start = Instant.parse(reader.text(at + "/start"));
                YearMonth month = Hours.monthOf(start);
                if (reader.text(at + "/quality").equals("GAP")) {
                    gapHours.computeIfAbsent(month, m -> new ArrayList<>()).add(Hours.name(start));
                    continue;
                }
                if (hourlyResolution) {
                    hourly.put(start, reader.decimal(at + "/energyMwh"));
                    monthsWithHourlyData.add(month);
                } else {
                    monthly.put(month, reader.decimal(at + "/energyMwh"));
                }
            }
        }
    }

    public EvidenceRef hour(Instant hour) {
        return hourly.get(hour);
    }

    public boolean hasHourly(YearMonth month) {
        return monthsWithHourlyData.contains(month);
    }

    public EvidenceRef month(YearMonth month) {
        return monthly.get(month);
    }

    public boolean hasData(YearMonth month) {
        return hasHourly(month) || monthly.containsKey(month);
    }

    public List<String> gapHours(YearMonth month) {
        return gapHours.getOrDefault(month, List.of());
    }

    public Set<UsedEvidence> evidence() {
        return evidence;
    }
}
