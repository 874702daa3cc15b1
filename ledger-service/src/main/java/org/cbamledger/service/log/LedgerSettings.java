package org.cbamledger.service.log;

import java.time.Duration;

/** Tuning of every log's write path. */
public record LedgerSettings(int queueCapacity, int maxBatch, Duration checkpointInterval) {}
