package org.cbamledger.verifier.check;

import java.util.List;
import java.util.Optional;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.statement.StatementRenderings;
import org.cbamledger.verifier.BundleCheck;
import org.cbamledger.verifier.BundleContext;
import org.cbamledger.verifier.CheckResult;
import org.cbamledger.verifier.CheckStatus;
import org.cbamledger.verifier.Loaded;
import org.cbamledger.verifier.bundle.BundlePaths;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The statement's PDF is the one its signature binds (api-spec/BUNDLE.md): statement.json's
 * {@code renderings.pdf.sha256}, checked by the statement check to be the JWS payload, names the SHA-256 of
 * statement.pdf, which must be bundled. A statement issued before binding gives a NOT_CHECKED line for its PDF.
 */
public final class StatementPdfCheck implements BundleCheck {
    public static final String NAME = "statement-pdf";
    /** A statement's PDF is a few pages of text; 64 MiB bounds what a hostile bundle makes us hash. */
    static final int MAX_PDF_BYTES = 64 << 20;

    @Override
    public List<CheckResult> run(BundleContext context) {
        String file = context.manifest().statementFile();
        if (file == null) {
            return List.of();
        }
        String pdf = BundlePaths.statementPdfFile(file);
        Optional<String> bound = boundSha256(context, file);
        if (bound.isEmpty()) {
            return context.bundle().exists(pdf)
                    ? List.of(new CheckResult(NAME, pdf, CheckStatus.NOT_CHECKED,
                            "the statement binds no rendering (issued before binding): the PDF is not evidence"))
                    : List.of();
        }
        if (!context.bundle().exists(pdf)) {
            return List.of(CheckResult.fail(NAME, pdf, "missing: the signed statement binds a PDF of SHA-256 "
                    + bound.get()));
        }
        Loaded<byte[]> bytes = context.bytes(pdf, MAX_PDF_BYTES);
        if (!bytes.ok()) {
            return List.of(CheckResult.fail(NAME, pdf, bytes.error()));
        }
        try {
            String actual = StatementRenderings.sha256Hex(bytes.value());
            if (!actual.equals(bound.get())) {
                return List.of(CheckResult.fail(NAME, pdf, "has SHA-256 " + actual + ", the signed statement binds "
                        + bound.get()));
            }
        } catch (CalculationException e) {
            return List.of(CheckResult.fail(NAME, pdf, e.getMessage()));
        }
        return List.of(CheckResult.pass(NAME, pdf, "is the PDF the signed statement binds (SHA-256 " + bound.get() + ")"));
    }

    /** The hash statement.json binds; an unreadable statement is the statement check's to report. */
    private static Optional<String> boundSha256(BundleContext context, String file) {
        Loaded<String> json = context.text(file);
        if (!json.ok()) {
            return Optional.empty();
        }
        try {
            JsonNode statement = StatementCheck.JSON.readTree(json.value());
            return StatementRenderings.boundPdfSha256(statement);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
