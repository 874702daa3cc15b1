package org.cbamledger.calculation.statement;

import java.util.Optional;
import org.cbamledger.calculation.core.CalculationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The renderings a signed statement binds by their SHA-256 (member {@code renderings}): its PDF, rendered from the
 * statement before the hash is put in, so that the signature covers the PDF too. The renderer does not read
 * {@code renderings}: the bound statement renders to the same PDF.
 */
public final class StatementRenderings {
    static final String PDF_SHA256 = "/renderings/pdf/sha256";

    private StatementRenderings() {}

    /** Renders the statement's PDF (any earlier binding removed first) and binds its hash; returns the PDF. */
    public static byte[] bindPdf(ObjectNode statement) throws CalculationException {
        statement.remove("renderings");
        byte[] pdf = StatementPdfRenderer.render(statement);
        statement.putObject("renderings").putObject("pdf").put("sha256", sha256Hex(pdf));
        return pdf;
    }

    /** The lowercase hex SHA-256 of the PDF the statement binds, if it binds one (statements before binding do not). */
    public static Optional<String> boundPdfSha256(JsonNode statement) {
        JsonNode hash = statement.at(PDF_SHA256);
        return hash.isString() ? Optional.of(hash.asString()) : Optional.empty();
    }

    public static String sha256Hex(byte[] rendering) throws CalculationException {
        return CalculationRecords.sha256Hex(rendering);
    }
}
