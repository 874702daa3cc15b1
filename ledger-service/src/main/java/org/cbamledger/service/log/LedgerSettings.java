package org.cbamledger.service.log;

import java.time.Duration;

/**
 * Tuning of every log's write path; {@code logKeyOverlap}: how long after a log-key rotation checkpoints carry the
 * old key's signature beside the new one's.
 */
public record LedgerSettings(int queueCapacity, int maxBatch, Duration checkpointInterval, Duration logKeyOverlap) {}
