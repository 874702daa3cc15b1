package org.cbamledger.calculation;

import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.core.Decimals;
import org.cbamledger.calculation.core.ReportingPeriod;
import org.cbamledger.calculation.core.UsedEvidence;
import org.cbamledger.calculation.core.Installation;
import org.cbamledger.calculation.core.FigureIds;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.evidence.EvidenceSet;
import org.cbamledger.calculation.evidence.RecordReader;
import org.cbamledger.calculation.method.AluminiumParameters;
import org.cbamledger.calculation.method.CertificateCost;
import org.cbamledger.calculation.method.EmissionFactors;
import org.cbamledger.calculation.method.LineEmissions;
import org.cbamledger.calculation.method.MeteredElectricity;
import org.cbamledger.calculation.method.PfcEmissions;
import org.cbamledger.calculation.method.PrecursorEmissions;
import org.cbamledger.calculation.method.PrecursorLine;
import org.cbamledger.calculation.method.ProcessEmissions;
import org.cbamledger.calculation.method.ProductionSelection;
import org.cbamledger.calculation.rules.ChargedBasis;
import org.cbamledger.calculation.rules.DefaultValue;
import org.cbamledger.calculation.rules.DefaultRouteNote;
import org.cbamledger.calculation.rules.RuleOverride;
import org.cbamledger.calculation.rules.RuleSet;
import org.cbamledger.calculation.rules.RuleSets;
import org.cbamledger.calculation.trace.Figure;
import org.cbamledger.calculation.trace.Operation;
import org.cbamledger.calculation.trace.Trace;
import org.cbamledger.calculation.trace.TraceInput;
import org.cbamledger.calculation.trace.TraceInput.ConstantRef;
import org.cbamledger.calculation.trace.TraceInput.EvidenceRef;
import org.cbamledger.calculation.trace.TraceInput.ParameterRef;
import org.cbamledger.calculation.trace.TraceInput.RuleRef;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.JsonNode;

/**
 * Embedded emissions and certificate costs of one CN code of one installation in one period, from ledger evidence.
 * A pure function: the service and the offline verifier call it with the same request and get the same figures.
 */
public final class EmissionsCalculator {
    /** Version of the method this class implements, recorded with every calculation. */
    public static final String METHOD_VERSION = "cbam-aluminium/1";

    private final CalculationRequest request;
    private final RuleSet rules;
    private final EvidenceSet evidence;
    private final String installationId;
    private final ReportingPeriod period;
    private final Trace trace = new Trace();
    private final Set<EvidenceRecord> consulted = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();
    private final List<PrecursorLine> precursorLines = new ArrayList<>();
    private final EmissionFactors factors;
    private final Set<UsedEvidence> electricityEvidence = new LinkedHashSet<>();
    private Optional<MeteredElectricity> metered = Optional.empty();
    private Optional<String> costNotComputable = Optional.empty();

    private EmissionsCalculator(CalculationRequest request) throws CalculationException {
        this.request = request;
        this.rules = RuleSets.load(request.ruleSetId(), request.ruleOverrides());
        this.evidence = EvidenceSet.of(request.evidence());
        this.installationId = request.installation().installationId();
        this.period = request.period();
        this.factors = new EmissionFactors(evidence.ofKind(Kinds.EMISSION_FACTOR), consulted);
    }

    public static CalculationResult calculate(CalculationRequest request) throws CalculationException {
        try {
            return new EmissionsCalculator(request).run();
        } catch (ArithmeticException | Trace.DuplicateFigureException e) {
            throw new CalculationException("cannot calculate: " + e.getMessage(), e);
        }
    }

    private CalculationResult run() throws CalculationException {
        consultInstallation(evidence, request.installation(), consulted);
        for (RuleOverride override : rules.overrides()) {
            notes.add("rule override applied: " + override.key() + " = " + Decimals.plain(override.entry().value()) + " "
                    + override.entry().unit() + " (" + (override.previous() == null ? "new value"
                            : "replaces " + Decimals.plain(override.previous().value())) + "; " + override.reason() + "; from "
                    + override.source() + ")");
        }
        ProductionSelection production = new ProductionSelection(evidence, installationId, period, request.cnCode(), notes);
        Figure tonnes = trace.derive(FigureIds.TONNES, "t", Operation.SUM, evidenceOf(production.goodBatches(), "/tonnesOut"));
        if (tonnes.value().signum() <= 0) {
            throw new CalculationException("production of CN code " + request.cnCode() + " is zero tonnes: no specific emissions");
        }
        Figure tonnesEu = tonnesForTheEu(production);
        installationEmissions(production);
        precursorEmissions(production);
        Figure charged = totalsAndSpecific(tonnes);
        costs(charged, tonnesEu);
        AluminiumParameters aluminium = AluminiumParameters.derive(trace, evidence, installationId, period, production.goodBatches(),
                precursorLines, consulted);
        return new CalculationResult(request, rules, trace, usedEvidence(trace, consulted, electricityEvidence), precursorLines, notes,
                metered, costNotComputable, aluminium);
    }

    /** Certificates are surrendered for goods imported into the EU only. */
    private Figure tonnesForTheEu(ProductionSelection production) throws CalculationException {
        List<TraceInput> euTonnes = new ArrayList<>();
        for (RecordReader batch : production.goodBatches()) {
            String destination = batch.text("/destination");
            if (!destination.equals("EU") && !destination.equals("non-EU")) {
                throw new CalculationException(batch.evidence().describe() + ": /destination must be EU or non-EU, not " + destination);
            }
            if (destination.equals("EU")) {
                euTonnes.add(batch.decimal("/tonnesOut"));
            }
        }
        if (euTonnes.isEmpty()) {
            euTonnes.add(new ConstantRef(BigDecimal.ZERO, "no output for the EU"));
        }
        return trace.derive(FigureIds.TONNES_EU, "t", Operation.SUM, euTonnes);
    }

    /**
     * Attributed emissions of the installation: its lines' fuel and electricity, and PFC of its batches. Electricity
     * comes from the electricity ledger and the allocation model when the evidence holds metered electricity for the
     * installation ({@link MeteredElectricity#applies}), else from the lines' electricity-consumption records.
     */
    private void installationEmissions(ProductionSelection production) throws CalculationException {
        LineEmissions lines = new LineEmissions(trace, evidence, installationId, period, factors, notes);
        boolean fromLedger = MeteredElectricity.applies(evidence, installationId, period);
        List<TraceInput> direct = new ArrayList<>();
        List<TraceInput> indirect = new ArrayList<>();
        for (String lineId : production.lines()) {
            consultLine(evidence, installationId, lineId, consulted);
            Optional<Figure> share = lines.share(lineId, production.lineBatches(lineId), request.cnCode());
            lines.fuel(lineId, share).ifPresent(f -> direct.add(f.ref()));
            if (!fromLedger) {
                lines.electricity(lineId, share).ifPresent(f -> indirect.add(f.ref()));
            }
        }
        if (fromLedger) {
            MeteredElectricity electricity = MeteredElectricity.derive(trace, evidence, request.evidence(), installationId, period,
                    request.cnCode(), electricityEvidence, notes);
            metered = Optional.of(electricity);
            indirect.add(electricity.cnCodeTco2().ref());
            if (!evidence.ofKind(Kinds.ELECTRICITY_CONSUMPTION).isEmpty()) {
                notes.add("electricity-consumption records are not used: indirect emissions come from the electricity ledger");
            }
        }
        for (RecordReader batch : production.goodBatches()) {
            if (!batch.node("/processCo2").isMissingNode()) {
                direct.add(ProcessEmissions.derive(trace, batch).ref());
            }
            if (!batch.node("/pfc").isMissingNode()) {
                requireLineTechnology(batch);
                Figure pfc = PfcEmissions.derive(trace, batch, batch.decimal("/tonnesOut"), rules);
                direct.add(pfc.ref());
                notes.add("PFC of batch " + batch.text("/batchId") + " (" + batch.text("/pfc/method") + " method, "
                        + batch.text("/pfc/technology") + "): " + Decimals.plain(pfc.value())
                        + " tCO2e (CF4 and C2F6 at the GWPs of IR 2025/2547 Annex II G), counted in direct emissions");
            }
        }
        sumOrZero(trace, FigureIds.INSTALLATION_DIRECT, direct, "no direct emission source");
        sumOrZero(trace, FigureIds.INSTALLATION_INDIRECT, indirect, "no electricity consumption");
    }

    /** IR 2025/2547 Annex III B: the sum of M_i x SEE_i, each supplier installation apart. */
    private void precursorEmissions(ProductionSelection production) throws CalculationException {
        PrecursorEmissions precursors = new PrecursorEmissions(trace, evidence, installationId, period, rules, factors, consulted, notes);
        List<TraceInput> direct = new ArrayList<>();
        List<TraceInput> indirect = new ArrayList<>();
        for (Map.Entry<String, List<TraceInput>> group : precursorMasses(production).entrySet()) {
            String[] key = group.getKey().split("\n");
            Figure mass = trace.derive(FigureIds.precursor(key[0], key[1], "massTonnes"), "t", Operation.SUM, group.getValue());
            PrecursorLine line = precursors.derive(key[0], key[1], mass);
            precursorLines.add(line);
            direct.add(trace.figure(line.directFigureId()).ref());
            indirect.add(trace.figure(line.indirectFigureId()).ref());
        }
        sumOrZero(trace, FigureIds.PRECURSOR_DIRECT, direct, "no precursors");
        sumOrZero(trace, FigureIds.PRECURSOR_INDIRECT, indirect, "no precursors");
    }

    /** Direct, indirect and total emissions, the precursors' share, and SEE = emissions / activity level. */
    private Figure totalsAndSpecific(Figure tonnes) {
        Figure precursorDirect = trace.figure(FigureIds.PRECURSOR_DIRECT);
        Figure precursorIndirect = trace.figure(FigureIds.PRECURSOR_INDIRECT);
        Figure direct = trace.derive(FigureIds.DIRECT, "tCO2", Operation.SUM,
                trace.figure(FigureIds.INSTALLATION_DIRECT).ref(), precursorDirect.ref());
        Figure indirect = trace.derive(FigureIds.INDIRECT, "tCO2", Operation.SUM,
                trace.figure(FigureIds.INSTALLATION_INDIRECT).ref(), precursorIndirect.ref());
        Figure total = trace.derive(FigureIds.TOTAL, "tCO2", Operation.SUM, direct.ref(), indirect.ref());
        if (total.value().signum() > 0) {
            Figure fromPrecursors = trace.derive(FigureIds.PRECURSOR_EMISSIONS, "tCO2", Operation.SUM,
                    precursorDirect.ref(), precursorIndirect.ref());
            Figure fraction = trace.derive(FigureIds.PRECURSOR_SHARE_FRACTION, "1", Operation.QUOTIENT, fromPrecursors.ref(), total.ref());
            trace.derive(FigureIds.PRECURSOR_SHARE_PERCENT, "%", Operation.PRODUCT, fraction.ref(),
                    new ConstantRef(new BigDecimal(100), "percent"));
        }
        trace.derive(FigureIds.SPECIFIC_DIRECT, "tCO2/t", Operation.QUOTIENT, direct.ref(), tonnes.ref());
        trace.derive(FigureIds.SPECIFIC_INDIRECT, "tCO2/t", Operation.QUOTIENT, indirect.ref(), tonnes.ref());
        trace.derive(FigureIds.SPECIFIC_TOTAL, "tCO2/t", Operation.QUOTIENT, total.ref(), tonnes.ref());
        String basis = rules.chargedBasis() == ChargedBasis.DIRECT ? FigureIds.SPECIFIC_DIRECT : FigureIds.SPECIFIC_TOTAL;
        return trace.derive(FigureIds.SPECIFIC_CHARGED, "tCO2/t", Operation.SUM, trace.figure(basis).ref());
    }

    /**
     * The default value with mark-up always; the certificate costs on actual emissions and on default values, and what
     * proof saves, when the rule set holds every value they need; otherwise the cost is "not computable" with the
     * reason, and the emissions stand.
     */
    private void costs(Figure charged, Figure tonnesEu) throws CalculationException {
        DefaultValue value = rules.defaultValue(request.installation().countryCode(), request.cnCode(), period.year());
        value.note().ifPresent(notes::add);
        notes.add("default route of CN " + request.cnCode() + ": " + DefaultRouteNote.of(value));
        trace.derive(FigureIds.DEFAULT_DIRECT, "tCO2e/t", Operation.SUM, value.direct());
        trace.derive(FigureIds.DEFAULT_MARKUP_PERCENT, "%", Operation.SUM, rules.defaultValueMarkup(period.year()));
        Figure defaultValue = trace.derive(FigureIds.DEFAULT_WITH_MARKUP, "tCO2e/t", Operation.SUM, value.withMarkup());
        String pricePeriod = request.parameters().certificatePricePeriod();
        Optional<RuleRef> cbamFactor = rules.findCbamFactor(period.year());
        Optional<RuleRef> price = rules.findCertificatePrice(pricePeriod);
        Optional<RuleRef> actualBenchmark = rules.findBenchmark("actual", request.cnCode());
        Optional<RuleRef> defaultBenchmark = rules.findBenchmark("default", request.cnCode());
        List<String> missing = new ArrayList<>();
        actualBenchmark.ifPresentOrElse(b -> {}, () -> missing.add("no benchmark for CN " + request.cnCode() + " (actual route)"));
        defaultBenchmark.ifPresentOrElse(b -> {}, () -> missing.add("no benchmark for CN " + request.cnCode() + " (default route)"));
        cbamFactor.ifPresentOrElse(f -> {}, () -> missing.add("no CBAM factor for " + period.year()));
        price.ifPresentOrElse(p -> {}, () -> missing.add("no certificate price for period " + pricePeriod
                + " (add the published price: ./cbam rules add-price)"));
        if (!missing.isEmpty()) {
            costNotComputable = Optional.of("not computable: " + String.join("; ", missing) + " in rule set " + rules.id());
            return;
        }
        TraceInput carbonPaid = new ParameterRef("carbonPricePaidAbroadEur", request.parameters().carbonPricePaidAbroadEur());
        Figure actual = CertificateCost.derive(trace, "actual", FigureIds.ACTUAL_EUR, charged.ref(), actualBenchmark.get(),
                cbamFactor.get(), tonnesEu.ref(), price.get(), carbonPaid);
        Figure defaultCost = CertificateCost.derive(trace, "default", FigureIds.DEFAULT_EUR, defaultValue.ref(), defaultBenchmark.get(),
                cbamFactor.get(), tonnesEu.ref(), price.get(), carbonPaid);
        trace.derive(FigureIds.SAVING_EUR, "EUR", Operation.DIFFERENCE, defaultCost.ref(), actual.ref());
    }

    private static List<TraceInput> evidenceOf(List<RecordReader> records, String pointer) throws CalculationException {
        List<TraceInput> refs = new ArrayList<>();
        for (RecordReader record : records) {
            refs.add(record.decimal(pointer));
        }
        return refs;
    }

    private static Figure sumOrZero(Trace trace, String id, List<TraceInput> parts, String whyZero) {
        return trace.derive(id, "tCO2", Operation.SUM,
                parts.isEmpty() ? List.of(new ConstantRef(BigDecimal.ZERO, whyZero)) : parts);
    }

    /** Tonnes of each precursor consumed, by supplier installation and CN code ("supplier\ncn"), sorted. */
    private static Map<String, List<TraceInput>> precursorMasses(ProductionSelection production) throws CalculationException {
        Map<String, List<TraceInput>> masses = new TreeMap<>();
        for (RecordReader batch : production.goodBatches()) {
            JsonNode inputs = batch.node("/precursors");
            for (int i = 0; i < inputs.size(); i++) {
                String at = "/precursors/" + i;
                String key = batch.text(at + "/supplierInstallationId") + "\n" + batch.text(at + "/cnCode");
                masses.computeIfAbsent(key, k -> new ArrayList<>()).add(batch.decimal(at + "/tonnes"));
            }
        }
        return masses;
    }

    /** An {@code installation} record of the evidence must agree on the country, which selects the default values. */
    private static void consultInstallation(EvidenceSet evidence, Installation installation, Set<EvidenceRecord> consulted)
            throws CalculationException {
        for (EvidenceRecord record : evidence.ofKind(Kinds.INSTALLATION)) {
            RecordReader reader = new RecordReader(record);
            if (reader.text("/installationId").equals(installation.installationId())) {
                if (!reader.text("/country").equals(installation.countryCode())) {
                    throw new CalculationException(record.describe() + ": /country " + reader.text("/country")
                            + " differs from the calculation's country " + installation.countryCode());
                }
                consulted.add(record);
            }
        }
    }

    /** A PFC technology must be the one of the batch's line where the line names one (IR 2025/2547 Annex II B.7). */
    private void requireLineTechnology(RecordReader batch) throws CalculationException {
        for (EvidenceRecord record : evidence.ofKind(Kinds.PRODUCTION_LINE)) {
            RecordReader line = new RecordReader(record);
            if (line.text("/installationId").equals(installationId) && line.text("/lineId").equals(batch.text("/lineId"))) {
                Optional<String> technology = line.optionalText("/technology");
                if (technology.isPresent() && !technology.get().equals(batch.text("/pfc/technology"))) {
                    throw new CalculationException(batch.evidence().describe() + ": /pfc/technology " + batch.text("/pfc/technology")
                            + " contradicts the technology " + technology.get() + " of line " + batch.text("/lineId") + " ("
                            + record.describe() + ")");
                }
            }
        }
    }

    private static void consultLine(EvidenceSet evidence, String installationId, String lineId, Set<EvidenceRecord> consulted)
            throws CalculationException {
        for (EvidenceRecord record : evidence.ofKind(Kinds.PRODUCTION_LINE)) {
            RecordReader line = new RecordReader(record);
            if (line.text("/installationId").equals(installationId) && line.text("/lineId").equals(lineId)) {
                consulted.add(record);
            }
        }
    }

    private static List<UsedEvidence> usedEvidence(Trace trace, Set<EvidenceRecord> consulted, Set<UsedEvidence> electricity) {
        Map<Long, UsedEvidence> used = new TreeMap<>();
        electricity.forEach(e -> used.put(e.leafIndex(), e));
        for (EvidenceRecord record : consulted) {
            used.put(record.leafIndex(), new UsedEvidence(record.leafIndex(), record.leafHashHex(), record.entryKind()));
        }
        for (Figure figure : trace.figures().values()) {
            for (TraceInput input : figure.inputs()) {
                if (input instanceof EvidenceRef ref) {
                    used.put(ref.leafIndex(), new UsedEvidence(ref.leafIndex(), ref.leafHashHex(), ref.kind()));
                } else if (input instanceof TraceInput.EntriesRef ref) {
                    ref.entries().entries().forEach(e -> used.put(e.leafIndex(), e));
                }
            }
        }
        return List.copyOf(used.values());
    }
}
