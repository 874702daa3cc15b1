package org.cbamledger.calculation.statement;

import java.util.Optional;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.signer.Sha256;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The renderings a signed statement binds by their SHA-256 (member {@code renderings}): its PDF and, when the issuer
 * renders one, its EU communication template workbook. Both are rendered from the statement without
 * {@code renderings} before the hashes are put in, so that the signature covers them; neither renderer reads
 * {@code renderings}, so the bound statement renders to the same bytes.
 */
public final class StatementRenderings {
    static final String PDF_SHA256 = "/renderings/pdf/sha256";
    static final String WORKBOOK_SHA256 = "/renderings/communicationTemplate/sha256";

    /** Renders a statement's workbook (the exchange module's communication template writer). */
    @FunctionalInterface
    public interface WorkbookRenderer {
        byte[] render(JsonNode statement) throws CalculationException;
    }

    /** What {@link #bind} rendered: the PDF, and the workbook if one was asked for. */
    public record Rendered(byte[] pdf, Optional<byte[]> workbook) {}

    private StatementRenderings() {}

    /** Renders the statement's PDF (any earlier binding removed first) and binds its hash; returns the PDF. */
    public static byte[] bindPdf(ObjectNode statement) throws CalculationException {
        return bind(statement, Optional.empty()).pdf();
    }

    /** Renders the PDF and, if given a renderer, the workbook (any earlier binding removed first) and binds their hashes. */
    public static Rendered bind(ObjectNode statement, Optional<WorkbookRenderer> workbookRenderer) throws CalculationException {
        statement.remove("renderings");
        byte[] pdf = StatementPdfRenderer.render(statement);
        Optional<byte[]> workbook = workbookRenderer.isPresent() ? Optional.of(workbookRenderer.get().render(statement)) : Optional.empty();
        ObjectNode renderings = statement.putObject("renderings");
        renderings.putObject("pdf").put("sha256", sha256Hex(pdf));
        if (workbook.isPresent()) {
            renderings.putObject("communicationTemplate").put("sha256", sha256Hex(workbook.get()));
        }
        return new Rendered(pdf, workbook);
    }

    /** The lowercase hex SHA-256 of the PDF the statement binds, if it binds one (statements before binding do not). */
    public static Optional<String> boundPdfSha256(JsonNode statement) {
        return bound(statement, PDF_SHA256);
    }

    /** The lowercase hex SHA-256 of the communication template workbook the statement binds, if it binds one. */
    public static Optional<String> boundWorkbookSha256(JsonNode statement) {
        return bound(statement, WORKBOOK_SHA256);
    }

    public static String sha256Hex(byte[] rendering) throws CalculationException {
        return Sha256.hex(rendering);
    }

    private static Optional<String> bound(JsonNode statement, String pointer) {
        JsonNode hash = statement.at(pointer);
        return hash.isString() ? Optional.of(hash.asString()) : Optional.empty();
    }
}
