package org.cbamledger.verifier.check;

import org.cbamledger.calculation.statement.StatementRenderings;
import org.cbamledger.verifier.bundle.BundlePaths;

/**
 * statement.xlsx is the EU communication template workbook the signed statement binds
 * ({@code renderings.communicationTemplate.sha256}): changed, swapped for another statement's or missing, it fails.
 */
public final class StatementWorkbookCheck extends BoundRenderingCheck {
    public static final String NAME = "statement-workbook";
    /** The workbook is a few sheets of values; 64 MiB bounds what a hostile bundle makes us hash. */
    static final int MAX_WORKBOOK_BYTES = 64 << 20;

    public StatementWorkbookCheck() {
        super(NAME, "communication template workbook", MAX_WORKBOOK_BYTES, BundlePaths::statementWorkbookFile,
                StatementRenderings::boundWorkbookSha256);
    }
}
