package org.cbamledger.calculation.statement;

import java.util.HexFormat;
import java.util.List;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.core.Decimals;
import org.cbamledger.calculation.core.FigureIds;
import org.cbamledger.signer.CanonicalJson;
import org.cbamledger.signer.SignerException;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code calculation} record a calculation is appended to the ledger as: inputs by leaf hash, method version,
 * rule set, parameters, the headline outputs exactly, and the SHA-256 of the whole canonical result with its trace.
 * Up to {@value #MAX_LISTED_INPUTS} inputs are listed in {@code inputs}; a larger evidence set (hourly meter and
 * generation batches) would not fit the 65,535-byte entry limit (CONTRACTS.md), so the record carries
 * {@code inputsDigest} {@code {"count", "sha256"}} instead: the SHA-256 of the RFC 8785 canonical JSON of the inputs
 * array it would have listed. The recomputer rebuilds the list from the bundled entries and compares the digest.
 */
public final class CalculationRecords {
    public static final String KIND = Kinds.CALCULATION;
    /** 200 inputs of about 140 bytes each stay well below the entry limit once base64-encoded in the envelope. */
    public static final int MAX_LISTED_INPUTS = 200;

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
        ArrayNode inputs = result.usedEvidenceJson();
        if (inputs.size() <= MAX_LISTED_INPUTS) {
            record.set("inputs", inputs);
        } else {
            ObjectNode digest = record.putObject("inputsDigest");
            digest.put("count", inputs.size());
            digest.put("sha256", sha256Hex(inputs));
        }
        ObjectNode outputs = record.putObject("outputs");
        for (String id : OUTPUTS) {
            if (result.hasFigure(id)) {
                outputs.set(id, Decimals.node(result.value(id)));
            }
        }
        result.costNotComputable().ifPresent(reason -> record.put("costNotComputable", reason));
        record.put("resultSha256", result.sha256Hex());
        return record;
    }

    /** SHA-256 (hex) of an inputs array's RFC 8785 bytes: {@code inputsDigest.sha256}, hashed as written. */
    public static String sha256Hex(ArrayNode inputs) throws CalculationException {
        try {
            return HexFormat.of().formatHex(CanonicalJson.sha256(inputs));
        } catch (SignerException e) {
            throw new CalculationException("cannot canonicalise the calculation inputs: " + e.getMessage(), e);
        }
    }
}
