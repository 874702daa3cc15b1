package org.cbamledger.verifier.check;

import java.util.List;
import org.cbamledger.calculation.CalculationRequest;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.statement.StatementRecomputer;
import org.cbamledger.verifier.context.BundleContext;
import tools.jackson.databind.JsonNode;

/**
 * The calculation a statement or a calculation entry states, run once from the bundled entries below
 * {@code treeSize} and shared by the checks that compare against it (the figures, the electricity ledger). Only the
 * latest one is kept: a year's result holds a trace of a million readings.
 */
record Recomputation(String subject, long treeSize, CalculationRequest request, CalculationResult result, String error) {
    private static final Object KEY = Recomputation.class;

    static Recomputation of(BundleContext context, String subject, JsonNode stated, long treeSize) {
        Recomputation last = context.derived(KEY, () -> new Recomputation("", -1, null, null, "none"));
        if (last.subject().equals(subject) && last.treeSize() == treeSize) {
            return last;
        }
        context.forget(KEY);
        List<EvidenceRecord> evidence = BundledEvidence.before(context, treeSize);
        Recomputation computed;
        CalculationRequest request = null;
        try {
            request = StatementRecomputer.requestOf(stated, evidence);
            computed = new Recomputation(subject, treeSize, request, EmissionsCalculator.calculate(request), null);
        } catch (CalculationException | RuntimeException e) {
            computed = new Recomputation(subject, treeSize, request, null, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        Recomputation result = computed;
        return context.derived(KEY, () -> result);
    }

    boolean ok() {
        return error == null;
    }
}
