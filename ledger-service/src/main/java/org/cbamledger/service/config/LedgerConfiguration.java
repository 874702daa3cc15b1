package org.cbamledger.service.config;

import static org.cbamledger.service.properties.PropertyChecks.atLeast;
import static org.cbamledger.service.properties.PropertyChecks.positive;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import org.cbamledger.service.log.LedgerSettings;

/**
 * {@code cbam.ledger.*}: every log's write path (here, not in {@code service.log}, which stays free of Micronaut).
 *
 * @param queueCapacity submissions waiting per log before a submit answers 503 (default 10000)
 * @param maxBatch entries sequenced in one database transaction at most (default 1000)
 * @param checkpointInterval how often a log with new entries gets a checkpoint (default 200ms)
 * @param logKeyOverlap how long after a log-key rotation checkpoints carry both the old and the new key's
 *     signatures, before the new key signs alone (default 1h)
 */
@ConfigurationProperties("cbam.ledger")
public record LedgerConfiguration(
        @Bindable(defaultValue = "10000") int queueCapacity,
        @Bindable(defaultValue = "1000") int maxBatch,
        @Bindable(defaultValue = "200ms") Duration checkpointInterval,
        @Bindable(defaultValue = "1h") Duration logKeyOverlap) {

    public LedgerConfiguration {
        atLeast("cbam.ledger.queue-capacity", queueCapacity, 1);
        atLeast("cbam.ledger.max-batch", maxBatch, 1);
        positive("cbam.ledger.checkpoint-interval", checkpointInterval);
        positive("cbam.ledger.log-key-overlap", logKeyOverlap);
    }

    LedgerSettings settings() {
        return new LedgerSettings(queueCapacity, maxBatch, checkpointInterval, logKeyOverlap);
    }
}
