package org.cbamledger.calculation;

import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.core.Decimals;
import org.cbamledger.calculation.core.UsedEvidence;

import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.cbamledger.calculation.method.AluminiumParameters;
import org.cbamledger.calculation.method.MeteredElectricity;
import org.cbamledger.calculation.method.PrecursorLine;
import org.cbamledger.calculation.rules.RuleSet;
import org.cbamledger.calculation.trace.Figure;
import org.cbamledger.calculation.trace.Trace;
import org.cbamledger.signer.CanonicalJson;
import org.cbamledger.signer.SignerException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The exact figures of one calculation with their derivations, the evidence used, and notes on gaps. */
public final class CalculationResult {
    public static final String FORMAT = "cbam-ledger-calculation-result/v2";

    private final CalculationRequest request;
    private final RuleSet ruleSet;
    private final Trace trace;
    private final List<UsedEvidence> usedEvidence;
    private final List<PrecursorLine> precursors;
    private final List<String> notes;
    private final Optional<MeteredElectricity> meteredElectricity;
    private final Optional<String> costNotComputable;
    private final AluminiumParameters aluminium;

    CalculationResult(CalculationRequest request, RuleSet ruleSet, Trace trace, List<UsedEvidence> usedEvidence,
            List<PrecursorLine> precursors, List<String> notes, Optional<MeteredElectricity> meteredElectricity,
            Optional<String> costNotComputable, AluminiumParameters aluminium) {
        this.aluminium = aluminium;
        this.costNotComputable = costNotComputable;
        this.meteredElectricity = meteredElectricity;
        this.request = request;
        this.ruleSet = ruleSet;
        this.trace = trace;
        this.usedEvidence = List.copyOf(usedEvidence);
        this.precursors = List.copyOf(precursors);
        this.notes = List.copyOf(notes);
    }

    public CalculationRequest request() {
        return request;
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    public List<Figure> figures() {
        return List.copyOf(trace.figures().values());
    }

    public Figure figure(String id) {
        return trace.figure(id);
    }

    public boolean hasFigure(String id) {
        return trace.has(id);
    }

    /** The exact value of a figure, unrounded. */
    public BigDecimal value(String id) {
        return trace.figure(id).value();
    }

    public List<UsedEvidence> usedEvidence() {
        return usedEvidence;
    }

    public List<PrecursorLine> precursors() {
        return precursors;
    }

    public List<String> notes() {
        return notes;
    }

    /**
     * Why the certificate costs are not computed ("not computable: no certificate price for period 2026-Q2 ..."), or
     * empty when the cost figures are in the trace. Emissions and the default value are computed either way.
     */
    public Optional<String> costNotComputable() {
        return costNotComputable;
    }

    /**
     * The aluminium parameters of Annex IV: their figures are in the trace ({@code aluminium.*}); this says whether the
     * evidence reports them at all and, for each, why it is not computable. Not part of {@link #toJson}: a reason is
     * derived from the evidence like a figure, and calculations of evidence without the parameters stay as they were.
     */
    public AluminiumParameters aluminium() {
        return aluminium;
    }

    /**
     * The electricity ledger (with its hour-level trace) and allocation the indirect emissions came from, or empty
     * when they came from electricity-consumption records.
     */
    public Optional<MeteredElectricity> meteredElectricity() {
        return meteredElectricity;
    }

    /** The request as recorded: installation, period, CN code, rule set with its digest and overrides, parameters. */
    public ObjectNode requestJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode node = f.objectNode();
        ObjectNode installation = node.putObject("installation");
        installation.put("installationId", request.installation().installationId());
        installation.put("name", request.installation().name());
        installation.put("countryCode", request.installation().countryCode());
        ObjectNode period = node.putObject("period");
        period.put("from", request.period().from().toString());
        period.put("to", request.period().to().toString());
        node.put("cnCode", request.cnCode());
        node.set("ruleSet", ruleSetJson());
        node.put("methodVersion", EmissionsCalculator.METHOD_VERSION);
        node.set("arithmetic", Decimals.policyJson());
        ObjectNode parameters = node.putObject("parameters");
        parameters.put("certificatePricePeriod", request.parameters().certificatePricePeriod());
        parameters.set("carbonPricePaidAbroadEur", Decimals.node(request.parameters().carbonPricePaidAbroadEur()));
        return node;
    }

    public ObjectNode ruleSetJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", ruleSet.id());
        node.put("version", ruleSet.version());
        node.put("sha256", ruleSet.sha256Hex());
        node.put("chargedBasis", ruleSet.chargedBasis().wireName());
        node.put("chargedBasisCitation", ruleSet.chargedBasisCitation());
        ArrayNode overrides = node.putArray("overrides");
        ruleSet.overrides().forEach(o -> overrides.add(o.toJson()));
        return node;
    }

    public ArrayNode usedEvidenceJson() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (UsedEvidence used : usedEvidence) {
            ObjectNode entry = array.addObject();
            entry.put("leafIndex", used.leafIndex());
            entry.put("leafHash", used.leafHashHex());
            entry.put("kind", used.kind());
        }
        return array;
    }

    public ArrayNode figuresJson() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        trace.figures().values().forEach(figure -> array.add(figure.toJson()));
        return array;
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("format", FORMAT);
        node.set("request", requestJson());
        node.set("evidence", usedEvidenceJson());
        node.set("figures", figuresJson());
        ArrayNode noteArray = node.putArray("notes");
        notes.forEach(noteArray::add);
        costNotComputable.ifPresent(reason -> node.put("costNotComputable", reason));
        return node;
    }

    /** RFC 8785 bytes of {@link #toJson()}: identical wherever the same request is calculated. */
    public byte[] canonicalJson() throws CalculationException {
        try {
            return CanonicalJson.canonicalize(toJson());
        } catch (SignerException e) {
            throw new CalculationException("cannot canonicalise the calculation result: " + e.getMessage(), e);
        }
    }

    /**
     * SHA-256 (lowercase hex) of the RFC 8785 bytes of {@link #toJson()}: identical wherever the same request is
     * calculated. Hashed as written, not held whole ({@link CanonicalJson#sha256}).
     */
    public String sha256Hex() throws CalculationException {
        try {
            return HexFormat.of().formatHex(CanonicalJson.sha256(toJson()));
        } catch (SignerException e) {
            throw new CalculationException("cannot canonicalise the calculation result: " + e.getMessage(), e);
        }
    }
}
