package org.cbamledger.calculation.allocation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.core.ReportingPeriod;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.evidence.EvidenceSet;
import org.cbamledger.calculation.evidence.RecordReader;
import org.cbamledger.calculation.trace.Figure;
import org.cbamledger.calculation.trace.Operation;
import org.cbamledger.calculation.trace.Trace;
import org.cbamledger.calculation.trace.TraceInput;
import org.cbamledger.calculation.trace.TraceInput.ConstantRef;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.JsonNode;

/**
 * Applies the recorded allocation model (api-spec allocation-model) of an installation and period: each line gets
 * its sub-metered MWh, then its share of each shared auxiliary by tonnes out or machine hours; excluded loads are
 * left out; within a line, batches share by tonnes out, and batches sum up by CN code, product and destination.
 * Fuel records follow their line, or the model's basis when listed as shared. Sub-meters reconcile with the main
 * meters within the declared tolerance (seeds 000 and 004).
 */
public final class Allocator {
    public static final String METHOD_VERSION = "cbam-allocation/1";
    private static final ConstantRef KWH_TO_MWH = new ConstantRef(new BigDecimal("0.001"), "kWh to MWh");
    private static final ConstantRef HUNDRED = new ConstantRef(new BigDecimal(100), "percent");

    private final Trace trace = new Trace();
    private final List<AllocationFinding> findings = new ArrayList<>();
    private final EvidenceSet evidence;
    private final ReportingPeriod period;
    private final String installationId;
    private Set<String> meterRecords;
    private MeterEnergy meterEnergy;

    private Allocator(EvidenceSet evidence, String installationId, ReportingPeriod period) {
        this.evidence = evidence;
        this.installationId = installationId;
        this.period = period;
    }

    public static AllocationResult allocate(String installationId, ReportingPeriod period, List<EvidenceRecord> records)
            throws CalculationException {
        try {
            return new Allocator(EvidenceSet.of(records), installationId, period).run();
        } catch (ArithmeticException | Trace.DuplicateFigureException e) {
            throw new CalculationException("cannot allocate: " + e.getMessage(), e);
        }
    }

    private AllocationResult run() throws CalculationException {
        RecordReader model = model();
        meterRecords = meterRecords();
        meterEnergy = new MeterEnergy(evidence.ofKind(Kinds.METER_READING_BATCH), period);
        Map<String, List<RecordReader>> batchesByLine = batchesByLine();
        Figure main = trace.derive("alloc.mainMwh", "MWh", Operation.SUM, refs(meters(model.node("/mainMeterIds"))));
        SubMetered lines = subMeteredLines(model);
        Map<String, Figure> tonnes = tonnesByLine(lines.mwh().keySet(), batchesByLine);
        Map<String, List<TraceInput>> auxiliaryShares = auxiliaryShares(model, lines, tonnes);
        Figure excludedMwh = excluded(model, lines.all());
        Reconciliation reconciliation = reconcile(model, main, lines.all());
        Map<String, List<TraceInput>> fuel = fuels(model, tonnes, lines.machineHours());
        ByBatch byBatch = new ByBatch();
        List<LineAllocation> lineAllocations = new ArrayList<>();
        for (String lineId : lines.mwh().keySet()) {
            LineAllocation line = line(lineId, lines.mwh().get(lineId), auxiliaryShares.get(lineId), tonnes.get(lineId), fuel.get(lineId));
            lineAllocations.add(line);
            if (line.mwhPerTonne().isPresent()) {
                byBatch.distribute(line, batchesByLine.getOrDefault(lineId, List.of()));
            }
        }
        return new AllocationResult(model.text("/modelId"), model.evidence().leafIndex(), trace, reconciliation, lineAllocations,
                byBatch.mwh, sums("alloc.cn.", byBatch.byCn), sums("alloc.product.", byBatch.byProduct),
                sums("alloc.destination.", byBatch.byDestination), excludedMwh, findings);
    }

    /** The lines' sub-metered MWh and machine hours, and every sub-metered figure (lines first) for the reconciliation. */
    private record SubMetered(Map<String, Figure> mwh, Map<String, TraceInput> machineHours, List<TraceInput> all) {}

    private SubMetered subMeteredLines(RecordReader model) throws CalculationException {
        SubMetered lines = new SubMetered(new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>());
        JsonNode nodes = model.node("/lines");
        for (int i = 0; i < nodes.size(); i++) {
            String lineId = model.text("/lines/" + i + "/lineId");
            List<Figure> meters = meters(nodes.get(i).path("meterIds"));
            Figure line = trace.derive("alloc.line." + lineId + ".subMeteredMwh", "MWh", Operation.SUM,
                    meters.isEmpty() ? List.of(new ConstantRef(BigDecimal.ZERO, "no sub-meter")) : refs(meters));
            lines.mwh().put(lineId, line);
            lines.all().add(line.ref());
            model.optionalDecimal("/lines/" + i + "/machineHours").ifPresent(h -> lines.machineHours().put(lineId, h));
        }
        return lines;
    }

    private Map<String, Figure> tonnesByLine(Iterable<String> lineIds, Map<String, List<RecordReader>> batchesByLine)
            throws CalculationException {
        Map<String, Figure> tonnes = new LinkedHashMap<>();
        for (String lineId : lineIds) {
            List<TraceInput> out = new ArrayList<>();
            for (RecordReader batch : batchesByLine.getOrDefault(lineId, List.of())) {
                out.add(batch.decimal("/tonnesOut"));
            }
            if (out.isEmpty()) {
                findings.add(new AllocationFinding(AllocationFinding.Type.LINE_WITHOUT_OUTPUT, lineId,
                        "line " + lineId + " has no production batch in the period: its electricity has no tonnes to go to"));
                out.add(new ConstantRef(BigDecimal.ZERO, "no output"));
            }
            tonnes.put(lineId, trace.derive("alloc.line." + lineId + ".tonnesOut", "t", Operation.SUM, out));
        }
        return tonnes;
    }

    /** Each line's parts of the shared auxiliaries' MWh; the auxiliaries join the sub-metered figures. */
    private Map<String, List<TraceInput>> auxiliaryShares(RecordReader model, SubMetered lines, Map<String, Figure> tonnes)
            throws CalculationException {
        Map<String, List<TraceInput>> auxiliaryShares = new LinkedHashMap<>();
        JsonNode auxiliaries = model.node("/sharedAuxiliaries");
        for (int i = 0; i < auxiliaries.size(); i++) {
            String at = "/sharedAuxiliaries/" + i;
            String meterId = model.text(at + "/meterId");
            Figure aux = meter(meterId);
            lines.all().add(aux.ref());
            Map<String, Figure> shares = shares("alloc.aux." + meterId, model.text(at + "/basis"), model.node(at + "/lineIds"), tonnes,
                    lines.machineHours());
            for (Map.Entry<String, Figure> share : shares.entrySet()) {
                Figure part = trace.derive("alloc.aux." + meterId + "." + share.getKey() + ".mwh", "MWh", Operation.PRODUCT,
                        aux.ref(), share.getValue().ref());
                auxiliaryShares.computeIfAbsent(share.getKey(), l -> new ArrayList<>()).add(part.ref());
            }
        }
        return auxiliaryShares;
    }

    /** Excluded loads' MWh; they join the sub-metered figures. */
    private Figure excluded(RecordReader model, List<TraceInput> subMetered) throws CalculationException {
        List<TraceInput> excluded = new ArrayList<>();
        for (Figure meter : meters(model.node("/excludedMeterIds"))) {
            excluded.add(meter.ref());
            subMetered.add(meter.ref());
        }
        return trace.derive("alloc.excludedMwh", "MWh", Operation.SUM,
                excluded.isEmpty() ? List.of(new ConstantRef(BigDecimal.ZERO, "no excluded load")) : excluded);
    }

    /** A line's electricity (sub-metered plus its auxiliary shares), tonnes, MWh per tonne where it has output, and fuel. */
    private LineAllocation line(String lineId, Figure subMetered, List<TraceInput> auxParts, Figure lineTonnes, List<TraceInput> fuel) {
        Figure aux = trace.derive("alloc.line." + lineId + ".auxiliaryMwh", "MWh", Operation.SUM,
                auxParts != null ? auxParts : List.of(new ConstantRef(BigDecimal.ZERO, "no shared auxiliary")));
        Figure total = trace.derive("alloc.line." + lineId + ".electricityMwh", "MWh", Operation.SUM, subMetered.ref(), aux.ref());
        Optional<Figure> perTonne = lineTonnes.value().signum() > 0
                ? Optional.of(trace.derive("alloc.line." + lineId + ".mwhPerTonne", "MWh/t", Operation.QUOTIENT, total.ref(), lineTonnes.ref()))
                : Optional.empty();
        Figure fuelGj = trace.derive("alloc.line." + lineId + ".fuelGj", "GJ", Operation.SUM,
                fuel != null ? fuel : List.of(new ConstantRef(BigDecimal.ZERO, "no fuel")));
        return new LineAllocation(lineId, subMetered, aux, total, lineTonnes, perTonne, fuelGj);
    }

    /** Each batch's share of its line's electricity by tonnes out, and the shares summed by CN code, product and destination. */
    private final class ByBatch {
        final Map<String, Figure> mwh = new TreeMap<>();
        final Map<String, List<TraceInput>> byCn = new TreeMap<>();
        final Map<String, List<TraceInput>> byProduct = new TreeMap<>();
        final Map<String, List<TraceInput>> byDestination = new TreeMap<>();

        void distribute(LineAllocation line, List<RecordReader> batches) throws CalculationException {
            for (RecordReader batch : batches) {
                String batchId = batch.text("/batchId");
                // multiply before dividing: a batch's share is exact whenever its tonnes divide the line's
                Figure product = trace.derive("alloc.batch." + batchId + ".electricityTimesTonnes", "MWh t", Operation.PRODUCT,
                        line.electricityMwh().ref(), batch.decimal("/tonnesOut"));
                Figure share = trace.derive("alloc.batch." + batchId + ".electricityMwh", "MWh", Operation.QUOTIENT,
                        product.ref(), line.tonnesOut().ref());
                mwh.put(batchId, share);
                byCn.computeIfAbsent(batch.text("/cnCode"), k -> new ArrayList<>()).add(share.ref());
                byProduct.computeIfAbsent(batch.text("/product"), k -> new ArrayList<>()).add(share.ref());
                byDestination.computeIfAbsent(batch.text("/destination"), k -> new ArrayList<>()).add(share.ref());
            }
        }
    }

    private Set<String> meterRecords() throws CalculationException {
        Set<String> ids = new TreeSet<>();
        for (EvidenceRecord record : evidence.ofKind(Kinds.METER)) {
            RecordReader meter = new RecordReader(record);
            if (meter.text("/installationId").equals(installationId)) {
                ids.add(meter.text("/meterId"));
            }
        }
        return ids;
    }

    private Map<String, List<RecordReader>> batchesByLine() throws CalculationException {
        Map<String, List<RecordReader>> byLine = new TreeMap<>();
        for (RecordReader batch : batches()) {
            byLine.computeIfAbsent(batch.text("/lineId"), l -> new ArrayList<>()).add(batch);
        }
        return byLine;
    }

    private List<Figure> meters(JsonNode meterIds) throws CalculationException {
        List<Figure> figures = new ArrayList<>();
        for (JsonNode id : meterIds) {
            figures.add(meter(id.asString()));
        }
        return figures;
    }

    private RecordReader model() throws CalculationException {
        RecordReader found = null;
        for (EvidenceRecord record : evidence.ofKind(Kinds.ALLOCATION_MODEL)) {
            RecordReader model = new RecordReader(record);
            if (model.text("/installationId").equals(installationId)
                    && period.overlaps(model.date("/periodFrom"), model.date("/periodTo"))) {
                found = model;
            }
        }
        if (found == null) {
            throw new CalculationException("installation " + installationId + " has no allocation-model for " + period.from() + " to " + period.to());
        }
        return found;
    }

    private List<RecordReader> batches() throws CalculationException {
        List<RecordReader> batches = new ArrayList<>();
        for (EvidenceRecord record : evidence.ofKind(Kinds.PRODUCTION_BATCH)) {
            RecordReader batch = new RecordReader(record);
            if (batch.text("/installationId").equals(installationId)
                    && period.contains(batch.date("/periodFrom"), batch.date("/periodTo"))) {
                batches.add(batch);
            }
        }
        batches.sort(Comparator.comparingLong(b -> b.evidence().leafIndex()));
        return batches;
    }

    /**
     * A meter's MWh in the period from its readings with a value: a kWh figure per month (its batches' readings as
     * one {@link TraceInput.EntriesRef}), their sum, in MWh; a finding when it lacks a record, readings or intervals.
     */
    private Figure meter(String meterId) throws CalculationException {
        String id = "alloc.meter." + meterId + ".energyMwh";
        if (trace.has(id)) {
            return trace.figure(id);
        }
        if (!meterRecords.contains(meterId)) {
            findings.add(new AllocationFinding(AllocationFinding.Type.MISSING_METER, meterId,
                    "meter " + meterId + " of the allocation model has no meter record"));
        }
        MeterEnergy.Months months = meterEnergy.of(meterId);
        List<TraceInput> kwh = new ArrayList<>();
        for (Map.Entry<YearMonth, TraceInput.EntriesRef> month : months.kwh().entrySet()) {
            kwh.add(trace.derive("alloc.meter." + meterId + "." + month.getKey() + ".energyKwh", "kWh", Operation.SUM,
                    month.getValue()).ref());
        }
        long periodSeconds = meterEnergy.periodSeconds();
        if (kwh.isEmpty()) {
            findings.add(new AllocationFinding(AllocationFinding.Type.MISSING_METER, meterId,
                    "meter " + meterId + " of the allocation model has no readings in the period"));
            kwh.add(new ConstantRef(BigDecimal.ZERO, "no readings of " + meterId));
        } else if (months.coveredSeconds() < periodSeconds) {
            findings.add(new AllocationFinding(AllocationFinding.Type.MISSING_INTERVAL, meterId, "meter " + meterId + " readings cover "
                    + months.coveredSeconds() / 3600 + " of " + periodSeconds / 3600 + " hours of the period"));
        }
        Figure sum = trace.derive("alloc.meter." + meterId + ".energyKwh", "kWh", Operation.SUM, kwh);
        return trace.derive(id, "MWh", Operation.PRODUCT, sum.ref(), KWH_TO_MWH);
    }

    private Reconciliation reconcile(RecordReader model, Figure main, List<TraceInput> subMetered) throws CalculationException {
        Figure sub = trace.derive("alloc.reconciliation.subMeteredMwh", "MWh", Operation.SUM, subMetered);
        Figure unmetered = trace.derive("alloc.reconciliation.unmeteredMwh", "MWh", Operation.DIFFERENCE, main.ref(), sub.ref());
        TraceInput tolerance = model.decimal("/reconciliationTolerancePercent");
        if (main.value().signum() == 0) {
            findings.add(new AllocationFinding(AllocationFinding.Type.UNRECONCILED, "main", "the main meters show no consumption"));
            Figure zero = trace.derive("alloc.reconciliation.unmeteredPercent", "%", Operation.SUM, new ConstantRef(BigDecimal.ZERO, "no main"));
            return new Reconciliation(main, sub, unmetered, zero, tolerance, false);
        }
        Figure fraction = trace.derive("alloc.reconciliation.unmeteredFraction", "1", Operation.QUOTIENT, unmetered.ref(), main.ref());
        Figure percent = trace.derive("alloc.reconciliation.unmeteredPercent", "%", Operation.PRODUCT, fraction.ref(), HUNDRED);
        boolean within = percent.value().abs().compareTo(tolerance.value()) <= 0;
        if (!within) {
            findings.add(new AllocationFinding(AllocationFinding.Type.UNRECONCILED, "main",
                    "sub-meters differ from the main meters by " + percent.value().toPlainString() + " %, beyond the tolerance of "
                            + tolerance.value().toPlainString() + " %"));
        }
        return new Reconciliation(main, sub, unmetered, percent, tolerance, within);
    }

    /** Each line's share of a shared quantity: its tonnes out (or machine hours) over the lines' total. */
    private Map<String, Figure> shares(String prefix, String basis, JsonNode lineIds, Map<String, Figure> tonnes,
            Map<String, TraceInput> machineHours) throws CalculationException {
        Map<String, TraceInput> weights = new LinkedHashMap<>();
        for (JsonNode id : lineIds) {
            String lineId = id.asString();
            TraceInput weight = basis.equals("tonnes")
                    ? Optional.ofNullable(tonnes.get(lineId)).map(Figure::ref).orElse(null)
                    : machineHours.get(lineId);
            if (weight == null) {
                throw new CalculationException("allocation model: line " + lineId + " has no " + basis + " for " + prefix);
            }
            weights.put(lineId, weight);
        }
        Figure total = trace.derive(prefix + ".basisTotal", basis.equals("tonnes") ? "t" : "h", Operation.SUM, List.copyOf(weights.values()));
        if (total.value().signum() == 0) {
            throw new CalculationException("allocation model: the lines of " + prefix + " have zero " + basis);
        }
        Map<String, Figure> shares = new LinkedHashMap<>();
        for (Map.Entry<String, TraceInput> weight : weights.entrySet()) {
            shares.put(weight.getKey(), trace.derive(prefix + "." + weight.getKey() + ".share", "1", Operation.QUOTIENT, weight.getValue(), total.ref()));
        }
        return shares;
    }

    /** Fuel energy (GJ) per line: a record's own line, or shared by the model's basis. */
    private Map<String, List<TraceInput>> fuels(RecordReader model, Map<String, Figure> tonnes, Map<String, TraceInput> machineHours)
            throws CalculationException {
        Map<String, JsonNode> shared = new TreeMap<>();
        for (JsonNode entry : model.node("/sharedFuels")) {
            shared.put(entry.path("recordId").asString(), entry);
        }
        Map<String, List<TraceInput>> byLine = new TreeMap<>();
        for (EvidenceRecord record : evidence.ofKind(Kinds.FUEL_CONSUMPTION)) {
            RecordReader fuel = new RecordReader(record);
            if (!fuel.text("/installationId").equals(installationId) || !period.contains(fuel.date("/periodFrom"), fuel.date("/periodTo"))) {
                continue;
            }
            String recordId = fuel.text("/recordId");
            Figure gj = fuel.optionalDecimal("/energyGj").isPresent()
                    ? trace.derive("alloc.fuel." + recordId + ".energyGj", "GJ", Operation.SUM, fuel.decimal("/energyGj"))
                    : trace.derive("alloc.fuel." + recordId + ".energyGj", "GJ", Operation.PRODUCT, fuel.decimal("/quantity"), fuel.decimal("/ncvGjPerUnit"));
            JsonNode share = shared.get(recordId);
            if (share == null) {
                byLine.computeIfAbsent(fuel.text("/lineId"), l -> new ArrayList<>()).add(gj.ref());
                continue;
            }
            Map<String, Figure> shares = shares("alloc.fuel." + recordId, share.path("basis").asString(), share.path("lineIds"), tonnes, machineHours);
            for (Map.Entry<String, Figure> s : shares.entrySet()) {
                Figure part = trace.derive("alloc.fuel." + recordId + "." + s.getKey() + ".energyGj", "GJ", Operation.PRODUCT, gj.ref(), s.getValue().ref());
                byLine.computeIfAbsent(s.getKey(), l -> new ArrayList<>()).add(part.ref());
            }
        }
        return byLine;
    }

    private Map<String, Figure> sums(String prefix, Map<String, List<TraceInput>> groups) {
        Map<String, Figure> sums = new TreeMap<>();
        groups.forEach((key, parts) -> sums.put(key, trace.derive(prefix + key + ".electricityMwh", "MWh", Operation.SUM, parts)));
        return sums;
    }

    private static List<TraceInput> refs(List<Figure> figures) {
        return figures.stream().map(f -> (TraceInput) f.ref()).toList();
    }
}
