package org.cbamledger.calculation.statement;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.cbamledger.calculation.CalculationException;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.Decimals;
import org.cbamledger.calculation.FigureIds;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code calculation} record a calculation is appended to the ledger as: inputs by leaf hash, method version,
 * rule set, parameters, the headline outputs exactly, and the SHA-256 of the whole canonical result with its trace.
 */
public final class CalculationRecords {
    public static final String KIND = "calculation";

    /** Figures recorded as outputs, exact (unrounded). */
    public static final List<String> OUTPUTS = List.of(
            FigureIds.TONNES, FigureIds.TONNES_EU, FigureIds.DIRECT, FigureIds.INDIRECT, FigureIds.TOTAL,
            FigureIds.SPECIFIC_DIRECT, FigureIds.SPECIFIC_INDIRECT, FigureIds.SPECIFIC_TOTAL, FigureIds.SPECIFIC_CHARGED,
            FigureIds.DEFAULT_WITH_MARKUP, FigureIds.ACTUAL_EUR, FigureIds.DEFAULT_EUR, FigureIds.SAVING_EUR);

    private CalculationRecords() {}

    public static ObjectNode build(CalculationResult result, String calculationId) throws CalculationException {
        ObjectNode request = result.requestJson();
        ObjectNode record = request.objectNode();
        record.put("kind", KIND);
        record.put("calculationId", calculationId);
        record.setAll(request);
        record.set("inputs", result.usedEvidenceJson());
        ObjectNode outputs = record.putObject("outputs");
        for (String id : OUTPUTS) {
            outputs.set(id, Decimals.node(result.value(id)));
        }
        try {
            record.put("resultSha256", HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(result.canonicalJson())));
        } catch (NoSuchAlgorithmException e) {
            throw new CalculationException("SHA-256 is not available", e);
        }
        return record;
    }
}
