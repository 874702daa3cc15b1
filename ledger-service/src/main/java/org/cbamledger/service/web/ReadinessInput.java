package org.cbamledger.service.web;

import java.time.YearMonth;
import java.util.Optional;
import org.cbamledger.service.store.LogInfo;
import org.cbamledger.service.store.StoredCheckpoint;

/**
 * What the readiness page shows around its {@link ReadinessView}: a log's identity, the checkpoint the view is made
 * against, where links point, the month of the hourly chart (empty: the first month with hourly data), and what
 * part of the log this is (a data room's scope; empty for the whole log). The entries and statements are the
 * view's: a view already computed needs none of them read again.
 */
public record ReadinessInput(LogInfo log, Optional<StoredCheckpoint> checkpoint, EvidenceLinks links,
        Optional<YearMonth> month, Optional<String> scope) {}
