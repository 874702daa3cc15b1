package org.cbamledger.calculation.method;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.core.ReportingPeriod;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.evidence.EvidenceSet;
import org.cbamledger.calculation.evidence.RecordReader;
import org.cbamledger.calculation.trace.Figure;
import org.cbamledger.calculation.trace.Operation;
import org.cbamledger.calculation.trace.Trace;
import org.cbamledger.calculation.trace.TraceInput;
import org.cbamledger.spec.Kinds;

/**
 * Fuel and electricity emissions of one production line, attributed to the calculated CN code by the declared
 * allocation model "by tonnes out": the CN code's share of the line's output in the period.
 */
public final class LineEmissions {
    private final Trace trace;
    private final EvidenceSet evidence;
    private final String installationId;
    private final ReportingPeriod period;
    private final EmissionFactors factors;
    private final List<String> notes;

    public LineEmissions(Trace trace, EvidenceSet evidence, String installationId, ReportingPeriod period,
            EmissionFactors factors, List<String> notes) {
        this.notes = notes;
        this.trace = trace;
        this.evidence = evidence;
        this.installationId = installationId;
        this.period = period;
        this.factors = factors;
    }

    /** The CN code's share of the line's output, or empty when the line made nothing else (share 1). */
    public Optional<Figure> share(String lineId, List<RecordReader> lineBatches, String cnCode) throws CalculationException {
        List<TraceInput> all = new ArrayList<>();
        List<TraceInput> ofGood = new ArrayList<>();
        for (RecordReader batch : lineBatches) {
            all.add(batch.decimal("/tonnesOut"));
            if (batch.text("/cnCode").equals(cnCode)) {
                ofGood.add(batch.decimal("/tonnesOut"));
            }
        }
        if (all.size() == ofGood.size()) {
            return Optional.empty();
        }
        Figure good = trace.derive("line." + lineId + ".cnTonnesOut", "t", Operation.SUM, ofGood);
        Figure total = trace.derive("line." + lineId + ".tonnesOut", "t", Operation.SUM, all);
        return Optional.of(trace.derive("line." + lineId + ".cnShare", "1", Operation.QUOTIENT, good.ref(), total.ref()));
    }

    /** Fuel emissions of the line's source streams in the period, attributed by {@code share}. */
    public Optional<Figure> fuel(String lineId, Optional<Figure> share) throws CalculationException {
        List<TraceInput> streams = new ArrayList<>();
        for (RecordReader fuel : recordsOfLine(Kinds.FUEL_CONSUMPTION, lineId)) {
            streams.add(CombustionEmissions.derive(trace, fuel, factors).ref());
        }
        return attribute(lineId, "fuelTco2", streams, share);
    }

    /** Electricity emissions (MWh x EF) of the line in the period, attributed by {@code share}. */
    public Optional<Figure> electricity(String lineId, Optional<Figure> share) throws CalculationException {
        List<TraceInput> consumptions = new ArrayList<>();
        for (RecordReader consumption : recordsOfLine(Kinds.ELECTRICITY_CONSUMPTION, lineId)) {
            consumptions.add(trace.derive("electricity." + consumption.text("/recordId") + ".emissionsTco2", "tCO2",
                            Operation.PRODUCT, consumption.decimal("/energyMwh"),
                            factors.factor(consumption, "/emissionFactorTco2PerMwh", "/emissionFactorId", "tCO2/MWh"))
                    .ref());
        }
        return attribute(lineId, "electricityTco2", consumptions, share);
    }

    private Optional<Figure> attribute(String lineId, String name, List<TraceInput> parts, Optional<Figure> share) {
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        Figure line = trace.derive("line." + lineId + "." + name, "tCO2", Operation.SUM, parts);
        if (share.isEmpty()) {
            return Optional.of(line);
        }
        return Optional.of(trace.derive("line." + lineId + ".attributed." + name, "tCO2", Operation.PRODUCT,
                line.ref(), share.get().ref()));
    }

    private List<RecordReader> recordsOfLine(String kind, String lineId) throws CalculationException {
        List<RecordReader> found = new ArrayList<>();
        for (EvidenceRecord record : evidence.ofKind(kind)) {
            RecordReader reader = new RecordReader(record);
            if (!reader.text("/installationId").equals(installationId) || !reader.text("/lineId").equals(lineId)) {
                continue;
            }
            if (period.contains(reader.date("/periodFrom"), reader.date("/periodTo"))) {
                found.add(reader);
            } else if (period.overlaps(reader.date("/periodFrom"), reader.date("/periodTo"))) {
                notes.add(record.describe() + " straddles the period's bounds: not counted; split it at the bounds");
            }
        }
        return found;
    }
}
