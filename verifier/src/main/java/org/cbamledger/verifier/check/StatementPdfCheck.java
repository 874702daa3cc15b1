package org.cbamledger.verifier.check;

import org.cbamledger.calculation.statement.StatementRenderings;
import org.cbamledger.verifier.bundle.BundlePaths;

/**
 * statement.pdf is the PDF the signed statement binds ({@code renderings.pdf.sha256}); a statement issued before
 * binding gives a NOT_CHECKED line for its PDF.
 */
public final class StatementPdfCheck extends BoundRenderingCheck {
    public static final String NAME = "statement-pdf";
    /** A statement's PDF is a few pages of text; 64 MiB bounds what a hostile bundle makes us hash. */
    static final int MAX_PDF_BYTES = 64 << 20;

    public StatementPdfCheck() {
        super(NAME, "PDF", MAX_PDF_BYTES, BundlePaths::statementPdfFile, StatementRenderings::boundPdfSha256);
    }
}
