package org.cbamledger.service.bundle;

import java.sql.SQLException;
import org.cbamledger.service.problem.LedgerException;

/**
 * Finds a stored statement for {@code GET /logs/{logId}/bundle?statement=<id>}. The statement package
 * provides the implementation (as a bean); without one, statement bundles are refused.
 */
public interface StatementSource {
    /** @throws LedgerException {@code STATEMENT_NOT_FOUND} when the log has no such statement */
    BundledStatement statement(String logId, String statementId) throws LedgerException, SQLException;
}
