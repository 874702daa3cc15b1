package org.cbamledger.verifier.check;

import java.util.ArrayList;
import java.util.List;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.statement.FigureDifference;
import org.cbamledger.calculation.statement.StatementRecomputer;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.SignerException;
import org.cbamledger.spec.Kinds;
import org.cbamledger.verifier.bundle.ManifestEntry;
import org.cbamledger.verifier.context.BundleCheck;
import org.cbamledger.verifier.context.BundleContext;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.Loaded;
import tools.jackson.databind.JsonNode;

/**
 * Every bundled {@code calculation} entry recomputes, with the calculation module, from the bundled entries logged
 * before it: inputs, outputs and the digest of the whole result. Each differing member is its own FAIL line.
 */
public final class CalculationCheck implements BundleCheck {
    public static final String NAME = "calculation";

    @Override
    public List<CheckResult> run(BundleContext context) {
        List<CheckResult> results = new ArrayList<>();
        for (ManifestEntry entry : context.manifest().entries()) {
            if (!Kinds.CALCULATION.equals(context.kind(entry.index()))) {
                continue;
            }
            Loaded<Envelope> envelope = context.envelope(entry.index());
            JsonNode calculation;
            try {
                calculation = envelope.value().record();
            } catch (SignerException e) {
                continue;
            }
            results.addAll(RuleOverrideWarnings.of(NAME, entry.file(), calculation));
            results.addAll(recompute(context, entry, calculation));
        }
        return results;
    }

    private static List<CheckResult> recompute(BundleContext context, ManifestEntry entry, JsonNode calculation) {
        List<FigureDifference> differences;
        Recomputation recomputed = Recomputation.of(context, entry.file(), calculation, entry.index());
        try {
            if (!recomputed.ok()) {
                throw new CalculationException(recomputed.error());
            }
            differences = StatementRecomputer.recomputeCalculation(calculation, recomputed.result());
        } catch (CalculationException | RuntimeException e) {
            return List.of(CheckResult.fail(NAME, entry.file(), "cannot recompute: " + e.getMessage()));
        }
        if (differences.isEmpty()) {
            return List.of(CheckResult.pass(NAME, entry.file(), "recomputes from the entries before it"));
        }
        List<CheckResult> results = new ArrayList<>();
        for (FigureDifference difference : differences) {
            results.add(CheckResult.fail(NAME, entry.file(), difference.toString()));
        }
        return results;
    }
}
