package org.cbamledger.calculation.statement;

import java.math.BigDecimal;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.core.FigureIds;
import org.cbamledger.calculation.method.AluminiumParameters;
import org.cbamledger.calculation.method.PrecursorLine;
import org.cbamledger.calculation.trace.Figure;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the emissions statement (record kind {@code emissions-statement}) from a calculation: the presented
 * figures, the request that produced them, and the whole trace with leaf hashes (long sums of readings per entry, {@link StatementTrace}). {@code checkpoint} is null until
 * the service fills in the checkpoint the statement was made under.
 */
public final class EmissionsStatements {
    public static final String KIND = Kinds.EMISSIONS_STATEMENT;
    public static final String FORMAT = "cbam-ledger-emissions-statement/v2";
    /** Statements issued before the trace named entry sets: their figures recompute, their trace is read as stated. */
    public static final String FORMAT_V1 = "cbam-ledger-emissions-statement/v1";

    private EmissionsStatements() {}

    public static ObjectNode build(CalculationResult result, StatementIssue issue) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode request = result.requestJson();
        ObjectNode node = f.objectNode();
        node.put("kind", KIND);
        node.put("format", FORMAT);
        node.set("issued", issue.toJson());
        node.set("installation", request.get("installation"));
        node.set("period", request.get("period"));
        node.put("cnCode", result.request().cnCode());
        node.set("tonnes", presented(result, FigureIds.TONNES));
        node.set("tonnesEu", presented(result, FigureIds.TONNES_EU));
        node.set("ruleSet", request.get("ruleSet"));
        node.put("methodVersion", request.get("methodVersion").asString());
        node.set("parameters", request.get("parameters"));
        node.set("presentation", PresentationPolicy.toJson());

        ObjectNode emissions = node.putObject("emissions");
        emissions.set("installationDirectTco2", presented(result, FigureIds.INSTALLATION_DIRECT));
        emissions.set("installationIndirectTco2", presented(result, FigureIds.INSTALLATION_INDIRECT));
        emissions.set("precursorDirectTco2", presented(result, FigureIds.PRECURSOR_DIRECT));
        emissions.set("precursorIndirectTco2", presented(result, FigureIds.PRECURSOR_INDIRECT));
        emissions.set("directTco2", presented(result, FigureIds.DIRECT));
        emissions.set("indirectTco2", presented(result, FigureIds.INDIRECT));
        emissions.set("totalTco2", presented(result, FigureIds.TOTAL));
        if (result.hasFigure(FigureIds.PRECURSOR_SHARE_PERCENT)) {
            emissions.set("precursorSharePercent", presented(result, FigureIds.PRECURSOR_SHARE_PERCENT));
        }

        ObjectNode specific = node.putObject("specific");
        specific.set("directTco2PerTonne", presented(result, FigureIds.SPECIFIC_DIRECT));
        specific.set("indirectTco2PerTonne", presented(result, FigureIds.SPECIFIC_INDIRECT));
        specific.set("totalTco2PerTonne", presented(result, FigureIds.SPECIFIC_TOTAL));
        specific.set("chargedTco2PerTonne", presented(result, FigureIds.SPECIFIC_CHARGED));
        specific.put("chargedBasis", result.ruleSet().chargedBasis().wireName());

        ArrayNode precursors = node.putArray("precursors");
        for (PrecursorLine line : result.precursors()) {
            ObjectNode p = precursors.addObject();
            p.put("supplierInstallationId", line.supplierInstallationId());
            p.put("cnCode", line.cnCode());
            p.put("countryOfOrigin", line.countryCode());
            p.put("source", line.source().wireName());
            p.set("massTonnes", presented(result, line.massFigureId()));
            p.set("directTco2", presented(result, line.directFigureId()));
            p.set("indirectTco2", presented(result, line.indirectFigureId()));
        }

        ObjectNode defaultRoute = node.putObject("defaultRoute");
        defaultRoute.set("defaultValueTco2PerTonne", number(result.figure(FigureIds.DEFAULT_DIRECT).value()));
        defaultRoute.set("markupPercent", number(result.figure(FigureIds.DEFAULT_MARKUP_PERCENT).value()));
        defaultRoute.set("valueWithMarkupTco2PerTonne", presented(result, FigureIds.DEFAULT_WITH_MARKUP));

        node.set("cost", cost(result));
        if (result.aluminium().reported()) {
            node.set("aluminium", aluminium(result));
        }

        ObjectNode evidence = node.putObject("evidence");
        evidence.set("entries", StatementTrace.entriesJson(result));
        evidence.set("figures", StatementTrace.figuresJson(result));
        ArrayNode notes = node.putArray("notes");
        result.notes().forEach(notes::add);
        node.putNull("checkpoint");
        return node;
    }

    /**
     * The aluminium parameters of Annex IV, each a presented figure or why it is not computable; present only where the
     * evidence reports them ({@link AluminiumParameters}), so statements of older evidence rebuild unchanged.
     */
    private static ObjectNode aluminium(CalculationResult result) {
        ObjectNode aluminium = JsonNodeFactory.instance.objectNode();
        AluminiumParameters parameters = result.aluminium();
        parameters.preConsumerScrapNotComputable().ifPresentOrElse(
                reason -> aluminium.put("preConsumerScrapNotComputable", reason),
                () -> aluminium.set("preConsumerScrapPercent", presented(result, FigureIds.ALUMINIUM_PRE_CONSUMER_SCRAP_PERCENT)));
        parameters.otherElementsNotComputable().ifPresentOrElse(
                reason -> aluminium.put("otherElementsNotComputable", reason),
                () -> aluminium.set("otherElementsPercent", presented(result, FigureIds.ALUMINIUM_OTHER_ELEMENTS_PERCENT)));
        return aluminium;
    }

    /** The certificate costs, or the period and why they are not computable. */
    private static ObjectNode cost(CalculationResult result) {
        ObjectNode cost = JsonNodeFactory.instance.objectNode();
        cost.put("certificatePricePeriod", result.request().parameters().certificatePricePeriod());
        if (result.costNotComputable().isPresent()) {
            cost.put("notComputable", result.costNotComputable().get());
            return cost;
        }
        Figure freeAllocation = result.figure(FigureIds.cost("actual", "freeAllocationTco2PerTonne"));
        cost.set("certificatePriceEur", number(result.figure(FigureIds.cost("actual", "grossEur")).inputs().get(1).value()));
        cost.set("cbamFactor", number(freeAllocation.inputs().get(1).value()));
        cost.set("benchmarkActualTco2PerTonne", number(freeAllocation.inputs().get(0).value()));
        cost.set("benchmarkDefaultTco2PerTonne",
                number(result.figure(FigureIds.cost("default", "freeAllocationTco2PerTonne")).inputs().get(0).value()));
        cost.set("certificatesActual", presented(result, FigureIds.cost("actual", "certificates")));
        cost.set("certificatesDefault", presented(result, FigureIds.cost("default", "certificates")));
        cost.set("carbonPricePaidAbroadEur", number(result.request().parameters().carbonPricePaidAbroadEur()));
        cost.set("actualEur", presented(result, FigureIds.ACTUAL_EUR));
        cost.set("defaultEur", presented(result, FigureIds.DEFAULT_EUR));
        cost.set("savingEur", presented(result, FigureIds.SAVING_EUR));
        return cost;
    }

    private static tools.jackson.databind.JsonNode presented(CalculationResult result, String figureId) {
        Figure figure = result.figure(figureId);
        return number(PresentationPolicy.present(figure.value(), figure.unit()));
    }

    private static tools.jackson.databind.JsonNode number(BigDecimal value) {
        return org.cbamledger.calculation.core.Decimals.node(value);
    }
}
