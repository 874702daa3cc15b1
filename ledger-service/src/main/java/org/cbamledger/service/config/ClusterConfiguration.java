package org.cbamledger.service.config;

import static org.cbamledger.service.properties.PropertyChecks.positive;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code cbam.cluster.*}: several instances on one database (here, not in {@code service.lease}, which stays plain
 * Java).
 *
 * @param leaseTtl how long a dead instance keeps its logs' write paths before another takes them over (default 5s)
 */
@ConfigurationProperties("cbam.cluster")
public record ClusterConfiguration(@Bindable(defaultValue = "5s") Duration leaseTtl) {

    public ClusterConfiguration {
        positive("cbam.cluster.lease-ttl", leaseTtl);
    }
}
