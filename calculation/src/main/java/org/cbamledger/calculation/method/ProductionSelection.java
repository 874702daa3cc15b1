package org.cbamledger.calculation.method;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.core.ReportingPeriod;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.evidence.EvidenceSet;
import org.cbamledger.calculation.evidence.RecordReader;
import org.cbamledger.spec.Kinds;

/** The production batches of an installation in a period: those of the calculated CN code, and all, by line. */
public final class ProductionSelection {
    private final List<RecordReader> goodBatches = new ArrayList<>();
    private final Map<String, List<RecordReader>> batchesByLine = new TreeMap<>();

    public ProductionSelection(EvidenceSet evidence, String installationId, ReportingPeriod period, String cnCode,
            List<String> notes) throws CalculationException {
        for (EvidenceRecord record : evidence.ofKind(Kinds.PRODUCTION_BATCH)) {
            RecordReader batch = new RecordReader(record);
            if (!batch.text("/installationId").equals(installationId)) {
                continue;
            }
            if (!period.contains(batch.date("/periodFrom"), batch.date("/periodTo"))) {
                if (period.overlaps(batch.date("/periodFrom"), batch.date("/periodTo"))) {
                    notes.add(record.describe() + " straddles the period's bounds: not counted; split it at the bounds");
                }
                continue;
            }
            batchesByLine.computeIfAbsent(batch.text("/lineId"), k -> new ArrayList<>()).add(batch);
            if (batch.text("/cnCode").equals(cnCode)) {
                goodBatches.add(batch);
            }
        }
        if (goodBatches.isEmpty()) {
            throw new CalculationException("no production-batch of installation " + installationId + " for CN code "
                    + cnCode + " within " + period.from() + " to " + period.to());
        }
    }

    /** Batches of the calculated CN code, in leaf order. */
    public List<RecordReader> goodBatches() {
        return goodBatches;
    }

    /** Lines that made the calculated CN code, sorted by id. */
    public Set<String> lines() throws CalculationException {
        Set<String> lines = new TreeSet<>();
        for (RecordReader batch : goodBatches) {
            lines.add(batch.text("/lineId"));
        }
        return lines;
    }

    /** Every batch of the line in the period, whatever its CN code. */
    public List<RecordReader> lineBatches(String lineId) {
        return batchesByLine.getOrDefault(lineId, List.of());
    }
}
