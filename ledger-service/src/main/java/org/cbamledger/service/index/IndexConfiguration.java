package org.cbamledger.service.index;

import static org.cbamledger.service.properties.PropertyChecks.notNegative;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code cbam.index.*}: the entry index's commitments.
 *
 * @param commitInterval how often each log's index is committed (default 3s; 0 commits only when a room bundle asks)
 */
@ConfigurationProperties("cbam.index")
public record IndexConfiguration(@Bindable(defaultValue = "3s") Duration commitInterval) {

    public IndexConfiguration {
        notNegative("cbam.index.commit-interval", commitInterval);
    }
}
