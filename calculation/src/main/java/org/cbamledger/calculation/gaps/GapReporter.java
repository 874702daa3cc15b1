package org.cbamledger.calculation.gaps;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.CalculationRequest;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.core.FigureIds;
import org.cbamledger.calculation.core.ReportingPeriod;
import org.cbamledger.calculation.allocation.AllocationFinding;
import org.cbamledger.calculation.allocation.AllocationResult;
import org.cbamledger.calculation.allocation.Allocator;
import org.cbamledger.calculation.electricity.ElectricityFinding;
import org.cbamledger.calculation.electricity.ElectricityLedger;
import org.cbamledger.calculation.electricity.ElectricityLedgerResult;
import org.cbamledger.calculation.electricity.ElectricityRules;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.evidence.EvidenceSet;
import org.cbamledger.calculation.evidence.RecordReader;
import org.cbamledger.calculation.method.CertificateCost;
import org.cbamledger.calculation.method.MeteredElectricity;
import org.cbamledger.calculation.rules.RuleSet;
import org.cbamledger.calculation.rules.RuleSets;
import org.cbamledger.calculation.trace.Figure;
import org.cbamledger.calculation.trace.Operation;
import org.cbamledger.calculation.trace.Trace;
import org.cbamledger.calculation.trace.TraceInput;
import org.cbamledger.calculation.trace.TraceInput.ConstantRef;
import org.cbamledger.spec.Kinds;

/**
 * Builds the gap report of an installation and period: the electricity ledger's and the allocation's findings,
 * each priced as "what falling back to default values would cost": a gap puts at risk the actual values of the EU
 * output made while it lasted (batches of the CN code overlapping its period, on its line when it concerns one
 * line's meter); for those tonnes, certificates on the default route (default value with mark-up, default
 * benchmark) minus certificates on the actual route (the calculation's charged SEE, actual benchmark), both by
 * {@link CertificateCost}. The carbon price paid abroad is deducted once, in the calculation, not per gap.
 */
public final class GapReporter {
    private GapReporter() {}

    public static GapReport report(CalculationRequest request, ElectricityRules electricityRules) throws CalculationException {
        Optional<CalculationResult> calculation = Optional.empty();
        String failure = "";
        try {
            calculation = Optional.of(EmissionsCalculator.calculate(request));
        } catch (CalculationException e) {
            failure = e.getMessage();
        }
        return report(request, electricityRules, calculation, failure);
    }

    /**
     * The gap report beside a calculation already made from {@code request}: its electricity ledger and allocation
     * are reused when it metered electricity under the same rules, so nothing is computed twice.
     */
    public static GapReport report(CalculationRequest request, ElectricityRules electricityRules, CalculationResult calculation)
            throws CalculationException {
        return report(request, electricityRules, Optional.of(calculation), "");
    }

    private static GapReport report(CalculationRequest request, ElectricityRules electricityRules,
            Optional<CalculationResult> calculation, String failure) throws CalculationException {
        Optional<MeteredElectricity> metered = calculation.flatMap(CalculationResult::meteredElectricity)
                .filter(m -> m.ledger().rules().equals(electricityRules));
        String installationId = request.installation().installationId();
        ReportingPeriod period = request.period();
        EvidenceSet evidence = EvidenceSet.of(request.evidence());
        List<String> notes = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        BigDecimal gridFactor = BigDecimal.ZERO;
        try {
            ElectricityLedgerResult ledger = metered.isPresent() ? metered.get().ledger()
                    : ElectricityLedger.classify(installationId, period, electricityRules, request.evidence());
            notes.add("electricity matching: " + ledger.matchingSummary());
            for (ElectricityFinding f : ledger.findings()) {
                pending.add(new Pending(categoryOf(f), f.type().wireName(), f.subject(), f.period(), f.detail(), f.affectedMwh()));
            }
            gridFactor = ledger.classes().get(org.cbamledger.calculation.electricity.ElectricityClass.GRID).emissionFactors().stream()
                    .findFirst().map(TraceInput::value).orElse(gridFactorOf(evidence, electricityRules.gridFactorId()));
        } catch (CalculationException e) {
            pending.add(new Pending(GapCategory.MISSING_METER, "no-electricity-ledger", installationId, whole(period), e.getMessage(), BigDecimal.ZERO));
        }
        try {
            AllocationResult allocation = metered.isPresent() ? metered.get().allocation()
                    : Allocator.allocate(installationId, period, request.evidence());
            for (AllocationFinding f : allocation.findings()) {
                pending.add(new Pending(categoryOf(f), f.type().wireName(), f.subject(), whole(period), f.detail(), BigDecimal.ZERO));
            }
        } catch (CalculationException e) {
            pending.add(new Pending(GapCategory.OTHER, "no-allocation", installationId, whole(period), e.getMessage(), BigDecimal.ZERO));
        }
        if (calculation.isEmpty()) {
            notes.add("fallback costs not computed: the calculation failed: " + failure);
        }
        calculation.flatMap(CalculationResult::costNotComputable).ifPresent(reason -> {
            pending.add(new Pending(GapCategory.OTHER, "cost-not-computable", request.cnCode(), whole(period),
                    "certificate cost " + reason, BigDecimal.ZERO));
            notes.add("fallback costs not computed: certificate cost " + reason);
        });
        RuleSet rules = RuleSets.load(request.ruleSetId(), request.ruleOverrides());
        Map<String, String> meterLines = meterLines(evidence, installationId);
        List<RecordReader> euBatches = euBatches(evidence, installationId, period, request.cnCode());
        List<Gap> gaps = new ArrayList<>();
        for (Pending p : pending) {
            gaps.add(price(p, request, rules, calculation, euBatches, meterLines, gridFactor));
        }
        return new GapReport(installationId, period, request.cnCode(), request.ruleSetId(),
                calculation.map(c -> c.value(FigureIds.SPECIFIC_CHARGED)), calculation.map(c -> c.value(FigureIds.DEFAULT_WITH_MARKUP)),
                gaps, notes);
    }

    private record Pending(GapCategory category, String type, String subject, String period, String detail, BigDecimal affectedMwh) {}

    private static Gap price(Pending p, CalculationRequest request, RuleSet rules, Optional<CalculationResult> calculation,
            List<RecordReader> euBatches, Map<String, String> meterLines, BigDecimal gridFactor) throws CalculationException {
        LocalDate[] range = range(p.period(), request.period());
        Optional<String> line = Optional.ofNullable(meterLines.get(p.subject()));
        Trace trace = new Trace();
        List<TraceInput> tonnes = new ArrayList<>();
        for (RecordReader batch : euBatches) {
            boolean overlaps = !batch.date("/periodFrom").isAfter(range[1]) && !batch.date("/periodTo").isBefore(range[0]);
            if (overlaps && line.map(l -> l.equals(textOf(batch, "/lineId"))).orElse(true)) {
                tonnes.add(batch.decimal("/tonnesOut"));
            }
        }
        Figure tonnesEu = trace.derive("gap.tonnesEu", "t", Operation.SUM,
                tonnes.isEmpty() ? List.of(new ConstantRef(BigDecimal.ZERO, "no EU output in the gap's period")) : tonnes);
        Optional<BigDecimal> cost = Optional.empty();
        if (calculation.isPresent() && calculation.get().costNotComputable().isEmpty()) {
            int year = request.period().year();
            String price = request.parameters().certificatePricePeriod();
            ConstantRef noDeduction = new ConstantRef(BigDecimal.ZERO, "carbon price paid abroad is deducted once, in the calculation");
            Figure actual = CertificateCost.derive(trace, "actual", "gap.actualRouteEur",
                    calculation.get().figure(FigureIds.SPECIFIC_CHARGED).ref(), rules.benchmark("actual", request.cnCode()),
                    rules.cbamFactor(year), tonnesEu.ref(), rules.certificatePrice(price), noDeduction);
            Figure fallback = CertificateCost.derive(trace, "default", "gap.defaultRouteEur",
                    calculation.get().figure(FigureIds.DEFAULT_WITH_MARKUP).ref(), rules.benchmark("default", request.cnCode()),
                    rules.cbamFactor(year), tonnesEu.ref(), rules.certificatePrice(price), noDeduction);
            cost = Optional.of(trace.derive("gap.fallbackCostEur", "EUR", Operation.DIFFERENCE, fallback.ref(), actual.ref()).value());
        }
        return new Gap(p.category(), p.type(), p.subject(), p.period(), p.detail(), p.affectedMwh(),
                p.affectedMwh().multiply(gridFactor), tonnesEu.value(), cost, List.copyOf(trace.figures().values()));
    }

    private static String textOf(RecordReader reader, String pointer) {
        return reader.node(pointer).asString("");
    }

    /** The dates a gap's period names: a month, the day of an hour, or the whole period. */
    private static LocalDate[] range(String period, ReportingPeriod whole) {
        if (period.matches("[0-9]{4}-[0-9]{2}")) {
            YearMonth month = YearMonth.parse(period);
            return new LocalDate[] {month.atDay(1), month.atEndOfMonth()};
        }
        if (period.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}")) {
            LocalDate day = LocalDate.parse(period.substring(0, 10));
            return new LocalDate[] {day, day};
        }
        return new LocalDate[] {whole.from(), whole.to()};
    }

    private static String whole(ReportingPeriod period) {
        return period.from() + "/" + period.to();
    }

    private static GapCategory categoryOf(ElectricityFinding f) {
        return switch (f.type()) {
            case NO_METER_READINGS -> GapCategory.MISSING_METER;
            case MISSING_INTERVAL, SUSPECT_INTERVAL -> GapCategory.MISSING_INTERVAL;
            default -> GapCategory.CLAIM_LACKING_EVIDENCE;
        };
    }

    private static GapCategory categoryOf(AllocationFinding f) {
        return switch (f.type()) {
            case MISSING_METER -> GapCategory.MISSING_METER;
            case MISSING_INTERVAL -> GapCategory.MISSING_INTERVAL;
            case UNRECONCILED -> GapCategory.UNRECONCILED_TOTAL;
            default -> GapCategory.OTHER;
        };
    }

    private static Map<String, String> meterLines(EvidenceSet evidence, String installationId) throws CalculationException {
        Map<String, String> lines = new HashMap<>();
        for (EvidenceRecord record : evidence.ofKind(Kinds.METER_ROLE)) {
            RecordReader role = new RecordReader(record);
            if (role.text("/installationId").equals(installationId) && role.optionalText("/lineId").isPresent()) {
                lines.put(role.text("/meterId"), role.text("/lineId"));
            }
        }
        return lines;
    }

    private static List<RecordReader> euBatches(EvidenceSet evidence, String installationId, ReportingPeriod period, String cnCode)
            throws CalculationException {
        List<RecordReader> batches = new ArrayList<>();
        for (EvidenceRecord record : evidence.ofKind(Kinds.PRODUCTION_BATCH)) {
            RecordReader batch = new RecordReader(record);
            if (batch.text("/installationId").equals(installationId) && batch.text("/cnCode").startsWith(cnCode)
                    && batch.text("/destination").equals("EU") && period.contains(batch.date("/periodFrom"), batch.date("/periodTo"))) {
                batches.add(batch);
            }
        }
        return batches;
    }

    private static BigDecimal gridFactorOf(EvidenceSet evidence, String factorId) throws CalculationException {
        for (EvidenceRecord record : evidence.ofKind(Kinds.EMISSION_FACTOR)) {
            RecordReader factor = new RecordReader(record);
            if (factor.text("/factorId").equals(factorId)) {
                return factor.decimal("/value").value();
            }
        }
        return BigDecimal.ZERO;
    }
}
