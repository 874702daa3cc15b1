package org.cbamledger.verifier.check;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cbamledger.calculation.CalculationRequest;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.core.Decimals;
import org.cbamledger.calculation.core.FigureIds;
import org.cbamledger.calculation.electricity.ElectricityClass;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.evidence.EvidenceSet;
import org.cbamledger.calculation.method.MeteredElectricity;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.signer.SignerException;
import org.cbamledger.spec.Kinds;
import org.cbamledger.verifier.bundle.ManifestEntry;
import org.cbamledger.verifier.context.BundleCheck;
import org.cbamledger.verifier.context.BundleContext;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.Loaded;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a statement or a {@code calculation} entry took its indirect emissions from metered electricity, the
 * electricity ledger and the allocation are recomputed from the bundled entries (those below the statement's
 * checkpoint, or before the calculation entry) and compared with what it states: every stated {@code electricity.*},
 * {@code alloc.*} and {@code indirect.*} figure of a statement, the indirect emissions of a calculation. Each
 * differing figure is its own FAIL line naming it.
 */
public final class ElectricityCheck implements BundleCheck {
    public static final String NAME = "electricity";
    private static final JsonMapper JSON = JsonMappers.PLAIN;
    private static final List<String> PREFIXES = List.of("electricity.", "alloc.", "indirect.");

    @Override
    public List<CheckResult> run(BundleContext context) {
        List<CheckResult> results = new ArrayList<>();
        // the calculation entries first: each recomputation is shared with the check run before this one
        for (ManifestEntry entry : context.manifest().entries()) {
            if (!Kinds.CALCULATION.equals(context.kind(entry.index()))) {
                continue;
            }
            Loaded<Envelope> envelope = context.envelope(entry.index());
            try {
                results.addAll(check(context, entry.file(), envelope.value().record(), entry.index()));
            } catch (SignerException e) {
                // not a JSON record: EntryFormatCheck reports it
            }
        }
        statement(context).ifPresent(s -> results.addAll(check(context, context.manifest().statementFile(), s.statement(), s.treeSize())));
        return results;
    }

    private static List<CheckResult> check(BundleContext context, String subject, JsonNode stated, long treeSize) {
        List<EvidenceRecord> evidence = BundledEvidence.before(context, treeSize);
        CalculationResult result;
        Recomputation recomputed = Recomputation.of(context, subject, stated, treeSize);
        try {
            CalculationRequest request = recomputed.request();
            if (request == null) {
                throw new CalculationException(recomputed.error());
            }
            if (!MeteredElectricity.applies(EvidenceSet.of(evidence), request.installation().installationId(), request.period())) {
                return List.of();
            }
            if (!recomputed.ok()) {
                throw new CalculationException(recomputed.error());
            }
            result = recomputed.result();
        } catch (CalculationException | RuntimeException e) {
            return List.of(CheckResult.fail(NAME, subject, "cannot recompute the electricity ledger: " + e.getMessage()));
        }
        MeteredElectricity metered = result.meteredElectricity().orElseThrow();
        List<CheckResult> results = new ArrayList<>();
        if (stated.path("kind").asString("").equals(Kinds.CALCULATION)) {
            compare(subject, "outputs." + FigureIds.INDIRECT, stated.path("outputs").path(FigureIds.INDIRECT),
                    Optional.of(result.value(FigureIds.INDIRECT)), results);
        } else {
            Map<String, JsonNode> figures = new TreeMap<>();
            for (JsonNode figure : stated.path("evidence").path("figures")) {
                String id = figure.path("id").asString("");
                if (PREFIXES.stream().anyMatch(id::startsWith)) {
                    figures.put(id, figure.path("value"));
                }
            }
            result.figures().stream().filter(f -> PREFIXES.stream().anyMatch(f.id()::startsWith))
                    .forEach(f -> figures.putIfAbsent(f.id(), JSON.missingNode()));
            for (Map.Entry<String, JsonNode> figure : figures.entrySet()) {
                String id = figure.getKey();
                compare(subject, "evidence.figures " + id, figure.getValue(),
                        result.hasFigure(id) ? Optional.of(result.value(id)) : Optional.empty(), results);
            }
        }
        if (results.isEmpty()) {
            results.add(CheckResult.pass(NAME, subject, summary(metered, result)));
        }
        return results;
    }

    private static void compare(String subject, String what, JsonNode stated, Optional<BigDecimal> recomputed, List<CheckResult> out) {
        Optional<BigDecimal> statedValue = Decimals.isDecimal(stated) ? Optional.of(Decimals.fromJson(stated)) : Optional.empty();
        boolean same = statedValue.isPresent() && recomputed.isPresent() && statedValue.get().compareTo(recomputed.get()) == 0;
        if (!same) {
            out.add(CheckResult.fail(NAME, subject, what + ": stated " + statedValue.map(Decimals::plain).orElse("(none)")
                    + ", recomputed " + recomputed.map(Decimals::plain).orElse("(none)")));
        }
    }

    private static String summary(MeteredElectricity metered, CalculationResult result) {
        StringBuilder text = new StringBuilder("electricity ledger and allocation recompute: ");
        for (ElectricityClass cls : ElectricityClass.values()) {
            BigDecimal mwh = metered.ledger().energyMwh(cls);
            if (mwh.signum() != 0) {
                text.append(cls.wireName()).append(' ').append(Decimals.plain(mwh)).append(" MWh, ");
            }
        }
        String cn = result.request().cnCode();
        return text.append("CN ").append(cn).append(' ').append(Decimals.plain(metered.allocation().cnCodeMwh().get(cn).value()))
                .append(" MWh, ").append(Decimals.plain(metered.cnCodeTco2().value())).append(" tCO2 indirect").toString();
    }

    private record Stated(JsonNode statement, long treeSize) {}

    /** The bundled statement and the size of the checkpoint it names; StatementCheck reports what is wrong with them. */
    private static Optional<Stated> statement(BundleContext context) {
        String file = context.manifest().statementFile();
        if (file == null) {
            return Optional.empty();
        }
        try {
            JsonNode statement = JSON.readTree(context.bundle().read(file, 64 << 20));
            JsonNode note = statement.path("checkpoint");
            if (!note.isString()) {
                return Optional.empty();
            }
            String body = note.asString();
            int end = body.indexOf("\n\n");
            Checkpoint checkpoint = Checkpoint.parse(end < 0 ? body : body.substring(0, end + 1));
            return Optional.of(new Stated(statement, checkpoint.size()));
        } catch (IOException | JacksonException | SignerException | org.cbamledger.verifier.bundle.BundleException e) {
            return Optional.empty();
        }
    }
}
