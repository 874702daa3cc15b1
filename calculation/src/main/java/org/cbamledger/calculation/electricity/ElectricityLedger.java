package org.cbamledger.calculation.electricity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
import org.cbamledger.calculation.trace.TraceInput.EvidenceRef;
import org.cbamledger.spec.Kinds;

/**
 * Classes every metered MWh of an installation's consumption, hour by hour where the data allow, as PPA-backed
 * renewable, on-site renewable, direct line, grid, backup fossil, replacement or unverified (seed 002).
 * <ul>
 *   <li>Consumption = grid-import meters (or main meters where none is marked grid import) plus on-site generation,
 *       direct-line and backup-generation meters. The import is what a PPA can cover.</li>
 *   <li>A PPA covers import only in months with generator metering, the supplier's settlement and a GO
 *       cancellation for the installation; its volume per month is at most min(settled delivered MWh, cancelled
 *       GO MWh) and per hour at most the metered generation: PPA_h = min(import_h, generation_h), filled in hour
 *       order up to the month's cap. min(a, b) is traced as a - max(0, a - b).</li>
 *   <li>A shortfall is grid, never green by assumption. A PPA month without its evidence is grid (or unverified,
 *       per {@link ElectricityRules}). Replacement counts as replacement only when the settlement marks it
 *       verified with its own factor; otherwise it stays grid.</li>
 *   <li>GOs alone never set an emission factor: the PPA's factor is the contracted asset's, and only for the MWh
 *       that generator metering and settlement show.</li>
 *   <li>Matching is hourly where the import meters and the generator have hourly data in the month and the
 *       contract does not ask for monthly matching, else monthly for that whole month (marked
 *       {@link Resolution#MONTHLY}). Hours are UTC.</li>
 * </ul>
 */
public final class ElectricityLedger {
    public static final String METHOD_VERSION = "cbam-electricity-ledger/1";
    private static final ConstantRef KWH_TO_MWH = new ConstantRef(new BigDecimal("0.001"), "kWh to MWh");
    private static final String GRID_KEY = ByClassAndKey.GRID_KEY;

    private final String installationId;
    private final ReportingPeriod period;
    private final ElectricityRules rules;
    private final Trace trace = new Trace();
    private final List<ElectricityFinding> findings = new ArrayList<>();
    private final ClassEvidence used = new ClassEvidence();
    private final Map<YearMonth, Resolution> matching = new TreeMap<>();
    private final ByClassAndKey<List<TraceInput>> annual = new ByClassAndKey<>();
    private final ByClassAndKey<TraceInput> factors = new ByClassAndKey<>();
    private final HourTally hourTally = new HourTally();
    private final Map<YearMonth, Map<ElectricityClass, BigDecimal>> monthValues = new TreeMap<>();
    private final List<PpaEvidence> contracts = new ArrayList<>();
    private final MissingHours missingHours = new MissingHours();
    private ByClassAndKey<List<TraceInput>> monthInputs;
    private InstallationMeters meters;
    private TraceInput gridFactor;

    private ElectricityLedger(String installationId, ReportingPeriod period, ElectricityRules rules) {
        this.installationId = installationId;
        this.period = period;
        this.rules = rules;
    }

    public static ElectricityLedgerResult classify(String installationId, ReportingPeriod period, ElectricityRules rules,
            List<EvidenceRecord> records) throws CalculationException {
        try {
            return new ElectricityLedger(installationId, period, rules).run(EvidenceSet.of(records));
        } catch (ArithmeticException | Trace.DuplicateFigureException e) {
            throw new CalculationException("cannot classify electricity: " + e.getMessage(), e);
        }
    }

    private ElectricityLedgerResult run(EvidenceSet set) throws CalculationException {
        meters = new InstallationMeters(installationId, period, set);
        findings.addAll(meters.findings());
        meters.sourceMeters().forEach((meterId, cls) -> factors.put(cls, meterId, meters.sourceFactors().get(meterId)));
        gridFactor = InstallationMeters.factorRecord(set, rules.gridFactorId());
        for (EvidenceRecord record : set.ofKind(Kinds.PPA_CONTRACT)) {
            RecordReader contract = new RecordReader(record);
            if (contract.text("/installationId").equals(installationId)
                    && period.overlaps(contract.date("/periodFrom"), contract.date("/periodTo"))) {
                PpaEvidence ppa = new PpaEvidence(contract, set, installationId);
                findings.addAll(ppa.findings());
                contracts.add(ppa);
            }
        }
        contracts.sort(Comparator.comparing(c -> c.contract().evidence().leafIndex()));
        for (YearMonth month : Hours.months(period)) {
            monthInputs = new ByClassAndKey<>();
            Map<PpaEvidence, Figure> caps = new LinkedHashMap<>();
            for (PpaEvidence ppa : contracts) {
                capIfEvidenced(ppa, month).ifPresent(cap -> caps.put(ppa, cap));
            }
            boolean monthly = meters.importMeters().stream().anyMatch(m -> meters.series(m).hasMonthly(month))
                    || caps.keySet().stream().anyMatch(p -> !p.generation().hasHourly(month)
                            || p.contract().node("/matching").asString("hourly").equals("monthly"));
            matching.put(month, monthly ? Resolution.MONTHLY : Resolution.HOURLY);
            if (monthly) {
                classifyMonth(month, caps);
            } else {
                classifyHours(month, caps);
            }
            closeMonth(month, caps);
        }
        findings.addAll(missingHours.findings());
        return finish();
    }

    /** The month's cap for a PPA when its evidence is complete; otherwise a finding per missing piece. */
    private Optional<Figure> capIfEvidenced(PpaEvidence ppa, YearMonth month) throws CalculationException {
        RecordReader contract = ppa.contract();
        if (!new ReportingPeriod(month.atDay(1), month.atEndOfMonth()).overlaps(contract.date("/periodFrom"), contract.date("/periodTo"))) {
            return Optional.empty();
        }
        String id = ppa.contractId();
        Optional<RecordReader> settlement = ppa.settlement(month);
        BigDecimal cancelled = ppa.cancelledMwh(month);
        BigDecimal claimed = settlement.isPresent() ? settlement.get().decimal("/deliveredMwh").value() : cancelled;
        boolean complete = true;
        if (!ppa.generation().hasData(month)) {
            findings.add(new ElectricityFinding(FindingType.NO_GENERATOR_DATA, id, month.toString(), claimed,
                    "contract " + id + ": no generation data of meter " + contract.text("/asset/generatorMeterId") + " for " + month));
            complete = false;
        }
        if (settlement.isEmpty()) {
            findings.add(new ElectricityFinding(FindingType.NO_SETTLEMENT, id, month.toString(), claimed,
                    "contract " + id + ": no supply-settlement for " + month));
            complete = false;
        }
        if (cancelled.signum() == 0) {
            findings.add(new ElectricityFinding(FindingType.NO_GO_CANCELLATION, id, month.toString(), claimed,
                    "contract " + id + ": no GO cancellation for the installation for production in " + month));
            complete = false;
        }
        if (!ppa.generation().gapHours(month).isEmpty()) {
            MeterMonth generator = new MeterMonth(contract.text("/asset/generatorMeterId"), month);
            for (String hour : ppa.generation().gapHours(month)) {
                missingHours.add(generator, hour);
            }
        }
        if (ppa.declaration(month).isEmpty()) {
            findings.add(new ElectricityFinding(FindingType.NO_PRODUCER_DECLARATION, id, month.toString(), BigDecimal.ZERO,
                    "contract " + id + ": no producer declaration covers " + month));
        }
        if (!complete) {
            return Optional.empty();
        }
        String prefix = "elec." + month + ".ppa." + id + ".";
        List<TraceInput> goRefs = new ArrayList<>();
        for (RecordReader go : ppa.cancellations(month)) {
            goRefs.add(go.decimal("/mwh"));
            used.add(ElectricityClass.PPA_RENEWABLE, go.evidence());
        }
        Figure goMwh = trace.derive(prefix + "goCancelledMwh", "MWh", Operation.SUM, goRefs);
        EvidenceRef delivered = settlement.get().decimal("/deliveredMwh");
        Figure beyond = trace.derive(prefix + "settledBeyondGoMwh", "MWh", Operation.POSITIVE_DIFFERENCE, delivered, goMwh.ref());
        if (beyond.value().signum() > 0) {
            findings.add(new ElectricityFinding(FindingType.SETTLEMENT_EXCEEDS_GO, id, month.toString(), beyond.value(),
                    "contract " + id + ": settled delivery exceeds cancelled GOs in " + month + "; the excess is not PPA-backed"));
        }
        used.add(ElectricityClass.PPA_RENEWABLE, contract.evidence());
        used.add(ElectricityClass.PPA_RENEWABLE, settlement.get().evidence());
        ppa.declaration(month).ifPresent(d -> used.add(ElectricityClass.PPA_RENEWABLE, d.evidence()));
        used.addAll(ElectricityClass.PPA_RENEWABLE, ppa.generation().evidence());
        factors.put(ElectricityClass.PPA_RENEWABLE, id, ppa.assetEmissionFactor());
        // min(delivered, GO) = delivered - max(0, delivered - GO)
        return Optional.of(trace.derive(prefix + "capMwh", "MWh", Operation.DIFFERENCE, delivered, beyond.ref()));
    }

    private void classifyHours(YearMonth month, Map<PpaEvidence, Figure> caps) throws CalculationException {
        Map<Instant, TraceInput> remaining = new LinkedHashMap<>();
        for (Instant hour : Hours.hours(month, period)) {
            Optional<Figure> imported = meterHour(meters.importMeters(), hour, "importMwh", month);
            if (imported.isEmpty()) {
                continue;
            }
            if (meters.importMeters().stream().anyMatch(m -> meters.series(m).isSuspect(hour))) {
                findings.add(new ElectricityFinding(FindingType.SUSPECT_INTERVAL, String.join(" ", meters.importMeters()), Hours.name(hour),
                        imported.get().value(), "import reading flagged SUSPECT: the hour is unverified, not matched to a PPA"));
                add(ElectricityClass.UNVERIFIED, GRID_KEY, hour, imported.get(), Resolution.HOURLY);
                continue;
            }
            remaining.put(hour, imported.get().ref());
        }
        for (Map.Entry<PpaEvidence, Figure> entry : caps.entrySet()) {
            matchHours(entry.getKey(), entry.getValue(), remaining);
        }
        for (Map.Entry<Instant, TraceInput> hour : remaining.entrySet()) {
            Figure grid = trace.figure(((TraceInput.FigureRef) hour.getValue()).figureId());
            add(ElectricityClass.GRID, GRID_KEY, hour.getKey(), grid, Resolution.HOURLY);
        }
        for (Map.Entry<String, ElectricityClass> source : meters.sourceMeters().entrySet()) {
            for (Instant hour : Hours.hours(month, period)) {
                Optional<Figure> f = meterHour(List.of(source.getKey()), hour, source.getKey() + ".mwh", month);
                if (f.isPresent()) {
                    add(source.getValue(), source.getKey(), hour, f.get(), Resolution.HOURLY);
                }
            }
        }
        meters.importMeters().forEach(m -> used.addAll(ElectricityClass.GRID, meters.series(m).evidence()));
    }

    private void matchHours(PpaEvidence ppa, Figure cap, Map<Instant, TraceInput> remaining) throws CalculationException {
        String id = ppa.contractId();
        List<Instant> hours = new ArrayList<>();
        Map<Instant, Figure> matched = new LinkedHashMap<>();
        Map<Instant, Figure> uncovered = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<Instant, TraceInput> hour : remaining.entrySet()) {
            EvidenceRef generated = ppa.generation().hour(hour.getKey());
            if (generated == null) {
                continue;
            }
            String prefix = "elec." + Hours.name(hour.getKey()) + ".ppa." + id + ".";
            Figure over = trace.derive(prefix + "uncoveredMwh", "MWh", Operation.POSITIVE_DIFFERENCE, hour.getValue(), generated);
            Figure match = trace.derive(prefix + "matchedMwh", "MWh", Operation.DIFFERENCE, hour.getValue(), over.ref());
            hours.add(hour.getKey());
            matched.put(hour.getKey(), match);
            uncovered.put(hour.getKey(), over);
            total = total.add(match.value());
        }
        TraceInput capLeft = cap.ref();
        boolean capped = total.compareTo(cap.value()) > 0;
        for (Instant hour : hours) {
            Figure match = matched.get(hour);
            if (!capped) {
                add(ElectricityClass.PPA_RENEWABLE, id, hour, match, Resolution.HOURLY);
                remaining.put(hour, uncovered.get(hour).ref());
                continue;
            }
            String prefix = "elec." + Hours.name(hour) + ".ppa." + id + ".";
            Figure beyond = trace.derive(prefix + "beyondCapMwh", "MWh", Operation.POSITIVE_DIFFERENCE, match.ref(), capLeft);
            Figure ppaMwh = trace.derive(prefix + "ppaMwh", "MWh", Operation.DIFFERENCE, match.ref(), beyond.ref());
            capLeft = trace.derive(prefix + "capLeftMwh", "MWh", Operation.DIFFERENCE, capLeft, ppaMwh.ref()).ref();
            add(ElectricityClass.PPA_RENEWABLE, id, hour, ppaMwh, Resolution.HOURLY);
            remaining.put(hour, trace.derive(prefix + "remainingMwh", "MWh", Operation.SUM, uncovered.get(hour).ref(), beyond.ref()).ref());
        }
    }

    private void classifyMonth(YearMonth month, Map<PpaEvidence, Figure> caps) throws CalculationException {
        String prefix = "elec." + month + ".";
        Optional<Figure> imported = meterMonth(meters.importMeters(), month, prefix + "importMwh");
        if (imported.isEmpty()) {
            return;
        }
        TraceInput remaining = imported.get().ref();
        for (Map.Entry<PpaEvidence, Figure> entry : caps.entrySet()) {
            PpaEvidence ppa = entry.getKey();
            String p = prefix + "ppa." + ppa.contractId() + ".";
            List<TraceInput> generated = new ArrayList<>();
            EvidenceRef monthly = ppa.generation().month(month);
            if (monthly != null) {
                generated.add(monthly);
            } else {
                for (Instant hour : Hours.hours(month, period)) {
                    Optional.ofNullable(ppa.generation().hour(hour)).ifPresent(generated::add);
                }
            }
            Figure gen = trace.derive(p + "generationMwh", "MWh", Operation.SUM, generated);
            Figure over = trace.derive(p + "uncoveredMwh", "MWh", Operation.POSITIVE_DIFFERENCE, remaining, gen.ref());
            Figure match = trace.derive(p + "matchedMwh", "MWh", Operation.DIFFERENCE, remaining, over.ref());
            Figure beyond = trace.derive(p + "beyondCapMwh", "MWh", Operation.POSITIVE_DIFFERENCE, match.ref(), entry.getValue().ref());
            Figure ppaMwh = trace.derive(p + "ppaMwh", "MWh", Operation.DIFFERENCE, match.ref(), beyond.ref());
            add(ElectricityClass.PPA_RENEWABLE, ppa.contractId(), null, ppaMwh, Resolution.MONTHLY);
            remaining = trace.derive(p + "remainingMwh", "MWh", Operation.SUM, over.ref(), beyond.ref()).ref();
        }
        Figure grid = trace.derive(prefix + "gridBeforeAdjustmentsMwh", "MWh", Operation.SUM, remaining);
        add(ElectricityClass.GRID, GRID_KEY, null, grid, Resolution.MONTHLY);
        meters.importMeters().forEach(m -> used.addAll(ElectricityClass.GRID, meters.series(m).evidence()));
        for (Map.Entry<String, ElectricityClass> source : meters.sourceMeters().entrySet()) {
            meterMonth(List.of(source.getKey()), month, prefix + source.getKey() + ".mwh")
                    .ifPresent(f -> add(source.getValue(), source.getKey(), null, f, Resolution.MONTHLY));
        }
    }

    /** The meters' MWh of one hour, or empty (and the hour noted missing) when a meter lacks a good reading. */
    private Optional<Figure> meterHour(List<String> meterIds, Instant hour, String name, YearMonth month) {
        List<TraceInput> kwh = new ArrayList<>();
        boolean complete = true;
        for (String meter : meterIds) {
            List<EvidenceRef> readings = meters.series(meter).hour(hour);
            if (readings.isEmpty()) {
                missingHours.add(new MeterMonth(meter, month), Hours.name(hour));
                complete = false;
            }
            kwh.addAll(readings);
        }
        if (!complete) {
            return Optional.empty();
        }
        String id = "elec." + Hours.name(hour) + "." + name;
        if (kwh.size() == 1) {
            return Optional.of(trace.derive(id, "MWh", Operation.PRODUCT, kwh.getFirst(), KWH_TO_MWH));
        }
        Figure sum = trace.derive(id + ".kwh", "kWh", Operation.SUM, kwh);
        return Optional.of(trace.derive(id, "MWh", Operation.PRODUCT, sum.ref(), KWH_TO_MWH));
    }

    /** The meters' MWh of a month: monthly readings where a meter has them, else its hourly readings. */
    private Optional<Figure> meterMonth(List<String> meterIds, YearMonth month, String id) {
        List<TraceInput> kwh = new ArrayList<>();
        for (String meter : meterIds) {
            MeterSeries s = meters.series(meter);
            if (s.hasMonthly(month)) {
                kwh.addAll(s.month(month));
                continue;
            }
            for (Instant hour : Hours.hours(month, period)) {
                List<EvidenceRef> readings = s.hour(hour);
                if (readings.isEmpty()) {
                    missingHours.add(new MeterMonth(meter, month), Hours.name(hour));
                }
                kwh.addAll(readings);
            }
        }
        if (kwh.isEmpty()) {
            return Optional.empty();
        }
        Figure sum = trace.derive(id + ".kwh", "kWh", Operation.SUM, kwh);
        return Optional.of(trace.derive(id, "MWh", Operation.PRODUCT, sum.ref(), KWH_TO_MWH));
    }

    private void add(ElectricityClass cls, String key, Instant hour, Figure figure, Resolution resolution) {
        monthInputs.computeIfAbsent(cls, key, ArrayList::new).add(figure.ref());
        used.matchedAt(cls, resolution);
        if (hour != null) {
            hourTally.add(hour, cls, figure);
        }
        if (cls == ElectricityClass.GRID || cls == ElectricityClass.UNVERIFIED) {
            factors.putIfAbsent(cls, GRID_KEY, gridFactor);
        }
    }

    /** Month figures per class and factor key; verified replacement and the unbacked-PPA rule move MWh out of grid. */
    private void closeMonth(YearMonth month, Map<PpaEvidence, Figure> caps) throws CalculationException {
        ByClassAndKey<Figure> figures = new ByClassAndKey<>();
        for (ByClassAndKey.Entry<List<TraceInput>> inputs : monthInputs.entries()) {
            figures.put(inputs.electricityClass(), inputs.key(), trace.derive("elec." + month + "." + inputs.electricityClass().wireName()
                    + "." + inputs.key() + ".energyMwh", "MWh", Operation.SUM, inputs.value()));
        }
        Figure grid = figures.get(ElectricityClass.GRID, GRID_KEY);
        for (PpaEvidence ppa : contracts) {
            Optional<RecordReader> settlement = ppa.settlement(month);
            if (grid == null || settlement.isEmpty()) {
                continue;
            }
            RecordReader s = settlement.get();
            EvidenceRef replacement = s.decimal("/replacementMwh");
            if (replacement.value().signum() > 0) {
                boolean verified = s.node("/replacement/verified").asBoolean(false)
                        && s.optionalDecimal("/replacement/emissionFactorTco2PerMwh").isPresent();
                if (verified) {
                    String p = "elec." + month + ".replacement." + s.text("/settlementId") + ".";
                    Figure after = trace.derive(p + "gridAfterMwh", "MWh", Operation.POSITIVE_DIFFERENCE, grid.ref(), replacement);
                    Figure moved = trace.derive(p + "energyMwh", "MWh", Operation.DIFFERENCE, grid.ref(), after.ref());
                    figures.put(ElectricityClass.REPLACEMENT, s.text("/settlementId"), moved);
                    factors.put(ElectricityClass.REPLACEMENT, s.text("/settlementId"), s.decimal("/replacement/emissionFactorTco2PerMwh"));
                    used.add(ElectricityClass.REPLACEMENT, s.evidence());
                    used.matchedAt(ElectricityClass.REPLACEMENT, Resolution.MONTHLY);
                    grid = after;
                } else {
                    findings.add(new ElectricityFinding(FindingType.UNVERIFIED_REPLACEMENT, ppa.contractId(), month.toString(),
                            replacement.value(), "settlement " + s.text("/settlementId") + ": replacement electricity is not separately verified; it is grid"));
                }
            }
            if (rules.unbackedPpaClass() == ElectricityClass.UNVERIFIED && !caps.containsKey(ppa)) {
                EvidenceRef claimed = s.decimal("/deliveredMwh");
                String p = "elec." + month + ".unbacked." + ppa.contractId() + ".";
                Figure after = trace.derive(p + "gridAfterMwh", "MWh", Operation.POSITIVE_DIFFERENCE, grid.ref(), claimed);
                Figure moved = trace.derive(p + "energyMwh", "MWh", Operation.DIFFERENCE, grid.ref(), after.ref());
                figures.merge(ElectricityClass.UNVERIFIED, GRID_KEY, moved,
                        (a, b) -> trace.derive(p + "unverifiedMwh", "MWh", Operation.SUM, a.ref(), b.ref()));
                factors.putIfAbsent(ElectricityClass.UNVERIFIED, GRID_KEY, gridFactor);
                used.matchedAt(ElectricityClass.UNVERIFIED, Resolution.MONTHLY);
                used.add(ElectricityClass.UNVERIFIED, s.evidence());
                grid = after;
            }
        }
        if (grid != null) {
            figures.put(ElectricityClass.GRID, GRID_KEY, grid);
        }
        Map<ElectricityClass, BigDecimal> values = new EnumMap<>(ElectricityClass.class);
        for (ByClassAndKey.Entry<Figure> figure : figures.entries()) {
            annual.computeIfAbsent(figure.electricityClass(), figure.key(), ArrayList::new).add(figure.value().ref());
            values.merge(figure.electricityClass(), figure.value().value(), BigDecimal::add);
        }
        monthValues.put(month, values);
    }

    private ElectricityLedgerResult finish() {
        Map<ElectricityClass, ClassTotal> totals = new EnumMap<>(ElectricityClass.class);
        List<TraceInput> allEnergy = new ArrayList<>();
        List<TraceInput> allEmissions = new ArrayList<>();
        for (ElectricityClass cls : ElectricityClass.values()) {
            List<TraceInput> energy = new ArrayList<>();
            List<TraceInput> emissions = new ArrayList<>();
            List<TraceInput> classFactors = new ArrayList<>();
            for (ByClassAndKey.Entry<List<TraceInput>> key : annual.of(cls)) {
                String p = "electricity." + cls.wireName() + "." + key.key() + ".";
                Figure mwh = trace.derive(p + "energyMwh", "MWh", Operation.SUM, key.value());
                TraceInput factor = factors.get(cls, key.key());
                Figure tco2 = trace.derive(p + "emissionsTco2", "tCO2", Operation.PRODUCT, mwh.ref(), factor);
                energy.add(mwh.ref());
                emissions.add(tco2.ref());
                classFactors.add(factor);
            }
            ConstantRef none = new ConstantRef(BigDecimal.ZERO, "no " + cls.wireName() + " electricity");
            Figure mwh = trace.derive("electricity." + cls.wireName() + ".energyMwh", "MWh", Operation.SUM,
                    energy.isEmpty() ? List.of(none) : energy);
            Figure tco2 = trace.derive("electricity." + cls.wireName() + ".emissionsTco2", "tCO2", Operation.SUM,
                    emissions.isEmpty() ? List.of(none) : emissions);
            allEnergy.add(mwh.ref());
            allEmissions.add(tco2.ref());
            totals.put(cls, new ClassTotal(cls, mwh, tco2, used.resolutions(cls), used.evidence(cls), classFactors));
        }
        Figure energy = trace.derive(ElectricityLedgerResult.TOTAL_MWH, "MWh", Operation.SUM, allEnergy);
        Figure emissions = trace.derive(ElectricityLedgerResult.TOTAL_TCO2, "tCO2", Operation.SUM, allEmissions);
        return new ElectricityLedgerResult(installationId, period, rules, trace, totals, energy, emissions, hourTally.hours(),
                monthValues, matching,
                findings);
    }
}
