package org.cbamledger.service.room;

import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.cbamledger.service.log.Ledger;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;
import tools.jackson.databind.node.ObjectNode;

/**
 * Appends a log-authored record (an access, a grant) and waits until it is durably sequenced: what depends on it (an
 * answer, a grant taking effect) happens only after. A failure is 503 naming what did not happen.
 */
final class LoggedDecision {
    private static final long APPEND_TIMEOUT_SECONDS = 30;

    private LoggedDecision() {}

    /** @param consequence what does not happen when the record cannot be appended, e.g. "nothing is served" */
    static void append(Ledger ledger, String logId, ObjectNode record, String consequence)
            throws LedgerException, SQLException {
        try {
            ledger.appendByLog(logId, record).get(APPEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LedgerException le) {
                throw new LedgerException(Problem.UNAVAILABLE, "the log did not take the " + record.get("kind").asString()
                        + " entry, so " + consequence + ": " + le.getMessage(), le);
            }
            throw new LedgerException(Problem.UNAVAILABLE, "the log did not take the " + record.get("kind").asString()
                    + " entry, so " + consequence, e.getCause());
        } catch (TimeoutException e) {
            throw new LedgerException(Problem.UNAVAILABLE, "the log did not answer within " + APPEND_TIMEOUT_SECONDS
                    + " s, so " + consequence);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException(Problem.UNAVAILABLE, "interrupted while appending, so " + consequence);
        }
    }
}
