package org.cbamledger.service.importer;

import java.time.Instant;

/** One line of an importer's statement list: where it is, what it covers and when it was issued and stored. */
public record ImporterStatement(String logId, String statementId, String cnCode, String periodJson, String issuedAt,
        Instant storedAt) {

    public StatementCursor cursor() {
        return new StatementCursor(storedAt, logId, statementId);
    }
}
