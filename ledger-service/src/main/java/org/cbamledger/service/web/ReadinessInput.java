package org.cbamledger.service.web;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.cbamledger.service.log.LogInfo;
import org.cbamledger.service.log.StoredCheckpoint;
import org.cbamledger.service.log.StoredEntry;
import org.cbamledger.service.statement.StoredStatement;

/**
 * What the readiness view shows: a log's identity, the checkpoint the view is made against, the entries (a whole
 * log up to that checkpoint, or a data room's entries) and statements in scope, where links point, and the month
 * of the hourly chart (empty: the first month with hourly data), and what part of the log this is (a data room's
 * scope; empty for the whole log).
 */
public record ReadinessInput(LogInfo log, Optional<StoredCheckpoint> checkpoint, List<StoredEntry> entries,
        List<StoredStatement> statements, EvidenceLinks links, Optional<YearMonth> month, Optional<String> scope) {

    public ReadinessInput {
        entries = List.copyOf(entries);
        statements = List.copyOf(statements);
    }
}
