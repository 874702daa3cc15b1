package org.cbamledger.calculation.method;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.core.Decimals;
import org.cbamledger.calculation.core.FigureIds;
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
 * Two qualifying parameters of aluminium goods (IR 2023/1773 and IR 2025/2547 Annex IV): the share of pre-consumer
 * scrap in the scrap used, and the content of elements other than aluminium. Each is a traced figure or the reason it
 * is not computable.
 *
 * <ul>
 *   <li>% pre-consumer scrap = pre-consumer scrap / scrap consumed x 100. Scrap is a precursor of CN 7602; its origin
 *       is the {@code scrapOrigin} of the supplier's {@code supplier-precursor-statement} for that supplier
 *       installation and CN code covering the period, or else of the installation's {@code precursor-purchase}
 *       records of them delivered within the period, which must then all give one. All origins given must agree. With
 *       no scrap consumed the share is 0 %.</li>
 *   <li>% other elements = the output-weighted mean of each batch's {@code alloyComposition} (sum of its elements'
 *       mass percent): sum of tonnesOut x % / 100 over the batches, over the output, x 100. Every batch of the CN code
 *       must carry one. An alloy is classified by the metal that predominates by weight over each other metal (CN
 *       Section XV Note 5(a)): a composition whose elements sum above 100 %, or in which one element outweighs the
 *       aluminium left, is refused, as is an element named twice.</li>
 * </ul>
 *
 * Records made before these fields existed carry neither: then nothing is derived ({@link #reported} is false), so
 * their calculations and statements recompute exactly as before.
 */
public record AluminiumParameters(boolean reported, Optional<String> preConsumerScrapNotComputable,
        Optional<String> otherElementsNotComputable) {
    public static final String SCRAP_CN_HEADING = "7602";
    public static final String NOT_REPORTED = "not computable: no record gives the origin of scrap (precursor-purchase"
            + " /scrapOrigin) or an alloy composition (production-batch /alloyComposition)";
    private static final BigDecimal HUNDRED = new BigDecimal(100);
    private static final int LISTED = 10;

    /** Nothing derived: no record of the calculation carries a scrap origin or an alloy composition. */
    public static AluminiumParameters notReported() {
        return new AluminiumParameters(false, Optional.of(NOT_REPORTED), Optional.of(NOT_REPORTED));
    }

    public static AluminiumParameters derive(Trace trace, EvidenceSet evidence, String installationId, ReportingPeriod period,
            List<RecordReader> goodBatches, List<PrecursorLine> precursors, Set<EvidenceRecord> consulted)
            throws CalculationException {
        List<RecordReader> originSources = purchases(evidence, installationId, period);
        originSources.addAll(statements(evidence, period));
        boolean anyOrigin = originSources.stream().anyMatch(p -> !p.node("/scrapOrigin").isMissingNode());
        boolean anyComposition = goodBatches.stream().anyMatch(b -> !b.node("/alloyComposition").isMissingNode());
        if (!anyOrigin && !anyComposition) {
            return notReported();
        }
        return new AluminiumParameters(true, preConsumerScrap(trace, originSources, precursors, consulted),
                otherElements(trace, goodBatches));
    }

    /** {@code originSources}: the installation's purchases delivered in the period and the supplier statements covering it. */
    private static Optional<String> preConsumerScrap(Trace trace, List<RecordReader> originSources, List<PrecursorLine> precursors,
            Set<EvidenceRecord> consulted) throws CalculationException {
        List<TraceInput> scrap = new ArrayList<>();
        List<TraceInput> preConsumer = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<EvidenceRecord> origins = new ArrayList<>();
        for (PrecursorLine line : precursors) {
            if (!line.cnCode().startsWith(SCRAP_CN_HEADING)) {
                continue;
            }
            Figure mass = trace.figure(line.massFigureId());
            if (mass.value().signum() < 0) {
                missing.add(line.cnCode() + " from " + line.supplierInstallationId() + ": negative mass " + Decimals.plain(mass.value()) + " t");
                continue;
            }
            scrap.add(mass.ref());
            TreeMap<String, List<String>> byOrigin = new TreeMap<>();
            List<String> withoutOrigin = new ArrayList<>();
            boolean statedBySupplier = false;
            for (RecordReader source : originSources) {
                if (source.text("/supplierInstallationId").equals(line.supplierInstallationId())
                        && source.text("/cnCode").equals(line.cnCode())) {
                    Optional<String> origin = source.optionalText("/scrapOrigin");
                    boolean statement = source.evidence().kind().equals(Kinds.SUPPLIER_PRECURSOR_STATEMENT);
                    String id = (statement ? "supplier statement " + source.text("/statementId") : source.text("/purchaseId"))
                            + " (leaf " + source.evidence().leafIndex() + ")";
                    statedBySupplier |= statement && origin.isPresent();
                    if (origin.isPresent()) {
                        byOrigin.computeIfAbsent(origin.get(), k -> new ArrayList<>()).add(id);
                        origins.add(source.evidence());
                    } else if (!statement) {
                        withoutOrigin.add(id);
                    }
                }
            }
            String group = line.cnCode() + " from " + line.supplierInstallationId();
            if (statedBySupplier) {
                withoutOrigin.clear(); // the supplier's statement covers the purchases that name no origin
            }
            if (!withoutOrigin.isEmpty() || byOrigin.isEmpty()) {
                missing.add(group + (byOrigin.isEmpty() && withoutOrigin.isEmpty()
                        ? ": no precursor-purchase delivered in the period or supplier statement covering it"
                        : ": no /scrapOrigin on " + named(withoutOrigin)));
            } else if (byOrigin.size() > 1) {
                missing.add(group + ": its purchases and supplier statements disagree on the origin (" + byOrigin
                        + "); buy pre- and post-consumer scrap under different CN codes or supplier installations");
            } else if (byOrigin.firstKey().equals("pre-consumer")) {
                preConsumer.add(trace.derive(FigureIds.aluminiumScrap(line.supplierInstallationId(), line.cnCode(), "preConsumerTonnes"),
                        "t", Operation.PRODUCT, mass.ref(),
                        new ConstantRef(BigDecimal.ONE, "pre-consumer: /scrapOrigin of " + byOrigin.firstEntry().getValue()))
                        .ref());
            }
        }
        if (!missing.isEmpty()) {
            return Optional.of("not computable: the scrap's origin (pre- or post-consumer) is missing or contradictory, or its mass refused, for "
                    + String.join("; ", missing.subList(0, Math.min(missing.size(), LISTED))) + more(missing));
        }
        consulted.addAll(origins);
        if (scrap.isEmpty()) {
            trace.derive(FigureIds.ALUMINIUM_PRE_CONSUMER_SCRAP_PERCENT, "%", Operation.SUM,
                    new ConstantRef(BigDecimal.ZERO, "no scrap (CN " + SCRAP_CN_HEADING + ") consumed"));
            return Optional.empty();
        }
        Figure total = trace.derive(FigureIds.ALUMINIUM_SCRAP_TONNES, "t", Operation.SUM, scrap);
        if (total.value().signum() == 0) {
            trace.derive(FigureIds.ALUMINIUM_PRE_CONSUMER_SCRAP_PERCENT, "%", Operation.SUM,
                    new ConstantRef(BigDecimal.ZERO, "0 t of scrap (CN " + SCRAP_CN_HEADING + ") consumed"));
            return Optional.empty();
        }
        Figure pre = trace.derive(FigureIds.ALUMINIUM_PRE_CONSUMER_SCRAP_TONNES, "t", Operation.SUM,
                preConsumer.isEmpty() ? List.of(new ConstantRef(BigDecimal.ZERO, "all scrap consumed is post-consumer")) : preConsumer);
        Figure fraction = trace.derive(FigureIds.ALUMINIUM_PRE_CONSUMER_SCRAP_FRACTION, "1", Operation.QUOTIENT, pre.ref(), total.ref());
        trace.derive(FigureIds.ALUMINIUM_PRE_CONSUMER_SCRAP_PERCENT, "%", Operation.PRODUCT, fraction.ref(),
                new ConstantRef(HUNDRED, "percent"));
        return Optional.empty();
    }

    private static Optional<String> otherElements(Trace trace, List<RecordReader> goodBatches) throws CalculationException {
        List<String> refused = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (RecordReader batch : goodBatches) {
            if (batch.decimal("/tonnesOut").value().signum() < 0) {
                refused.add(batch.text("/batchId") + " (leaf " + batch.evidence().leafIndex() + "): negative /tonnesOut");
            } else if (batch.node("/alloyComposition").isMissingNode()) {
                without.add(batch.text("/batchId") + " (leaf " + batch.evidence().leafIndex() + ")");
            } else {
                compositionProblem(batch).ifPresent(refused::add);
            }
        }
        if (!refused.isEmpty()) {
            return Optional.of("not computable: alloy composition refused: " + String.join("; ", refused.subList(0, Math.min(refused.size(), LISTED)))
                    + more(refused));
        }
        if (!without.isEmpty()) {
            return Optional.of("not computable: no /alloyComposition on production-batch " + named(without)
                    + " (" + (goodBatches.size() - without.size()) + " of " + goodBatches.size() + " batches carry one)");
        }
        List<TraceInput> otherTonnes = new ArrayList<>();
        for (RecordReader batch : goodBatches) {
            JsonNode elements = batch.node("/alloyComposition/elements");
            List<TraceInput> shares = new ArrayList<>();
            for (int i = 0; i < elements.size(); i++) {
                shares.add(batch.decimal("/alloyComposition/elements/" + i + "/massPercent"));
            }
            String batchId = batch.text("/batchId");
            Figure percent = trace.derive(FigureIds.batch(batchId, "otherElementsPercent"), "%", Operation.SUM, shares);
            otherTonnes.add(trace.derive(FigureIds.batch(batchId, "otherElementsTonnes"), "t", Operation.PRODUCT,
                    batch.decimal("/tonnesOut"), percent.ref(), new ConstantRef(new BigDecimal("0.01"), "per cent")).ref());
        }
        Figure other = trace.derive(FigureIds.ALUMINIUM_OTHER_ELEMENTS_TONNES, "t", Operation.SUM, otherTonnes);
        Figure fraction = trace.derive(FigureIds.ALUMINIUM_OTHER_ELEMENTS_FRACTION, "1", Operation.QUOTIENT, other.ref(),
                trace.figure(FigureIds.TONNES).ref());
        trace.derive(FigureIds.ALUMINIUM_OTHER_ELEMENTS_PERCENT, "%", Operation.PRODUCT, fraction.ref(), new ConstantRef(HUNDRED, "percent"));
        return Optional.empty();
    }

    /** Why a batch's composition cannot be an aluminium alloy's, or empty. */
    private static Optional<String> compositionProblem(RecordReader batch) throws CalculationException {
        String where = batch.text("/batchId") + " (leaf " + batch.evidence().leafIndex() + ")";
        JsonNode elements = batch.node("/alloyComposition/elements");
        if (!elements.isArray() || elements.isEmpty()) {
            return Optional.of(where + ": /alloyComposition/elements lists no element");
        }
        Set<String> seen = new TreeSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal largest = BigDecimal.ZERO;
        String largestElement = "";
        for (int i = 0; i < elements.size(); i++) {
            String element = batch.text("/alloyComposition/elements/" + i + "/element");
            BigDecimal share = batch.decimal("/alloyComposition/elements/" + i + "/massPercent").value();
            if (element.equals("Al")) {
                return Optional.of(where + ": lists aluminium among the elements other than aluminium");
            }
            if (!seen.add(element)) {
                return Optional.of(where + ": names " + element + " twice");
            }
            if (share.signum() < 0 || share.compareTo(HUNDRED) > 0) {
                return Optional.of(where + ": " + element + " at " + Decimals.plain(share) + " % is outside 0 to 100 %");
            }
            sum = sum.add(share);
            if (share.compareTo(largest) > 0) {
                largest = share;
                largestElement = element;
            }
        }
        if (sum.compareTo(HUNDRED) > 0) {
            return Optional.of(where + ": its elements other than aluminium sum to " + Decimals.plain(sum) + " %, above 100 %");
        }
        if (largest.compareTo(HUNDRED.subtract(sum)) >= 0) {
            return Optional.of(where + ": " + largestElement + " at " + Decimals.plain(largest) + " % does not leave aluminium ("
                    + Decimals.plain(HUNDRED.subtract(sum)) + " %) the predominant metal (CN Section XV Note 5(a)): not an aluminium alloy");
        }
        return Optional.empty();
    }

    /** The first {@value #LISTED} names, and how many more: a reason stays readable and within the statement's limit. */
    private static String named(List<String> names) {
        return String.join(", ", names.subList(0, Math.min(names.size(), LISTED))) + more(names);
    }

    private static String more(List<String> names) {
        return names.size() > LISTED ? " and " + (names.size() - LISTED) + " more" : "";
    }

    /** Supplier statements covering part of the period: those may state the origin of the scrap they cover. */
    private static List<RecordReader> statements(EvidenceSet evidence, ReportingPeriod period) throws CalculationException {
        List<RecordReader> found = new ArrayList<>();
        for (EvidenceRecord record : evidence.ofKind(Kinds.SUPPLIER_PRECURSOR_STATEMENT)) {
            RecordReader reader = new RecordReader(record);
            if (period.overlaps(reader.date("/periodFrom"), reader.date("/periodTo"))) {
                found.add(reader);
            }
        }
        return found;
    }

    /**
     * The installation's purchases delivered within the period, as the batches whose consumption they explain lie within
     * it ({@link ProductionSelection}): another year's scrap, of another origin, does not decide this year's share.
     */
    private static List<RecordReader> purchases(EvidenceSet evidence, String installationId, ReportingPeriod period)
            throws CalculationException {
        List<RecordReader> found = new ArrayList<>();
        for (EvidenceRecord record : evidence.ofKind(Kinds.PRECURSOR_PURCHASE)) {
            RecordReader reader = new RecordReader(record);
            if (!reader.text("/installationId").equals(installationId)) {
                continue;
            }
            LocalDate delivered = reader.date("/deliveryDate");
            if (period.contains(delivered, delivered)) {
                found.add(reader);
            }
        }
        return found;
    }
}
