package org.cbamledger.service.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * {@code cbam.witness.*}: the witnesses every new checkpoint is submitted to (C2SP tlog-witness).
 *
 * @param urls base URL of each witness ({@code add-checkpoint} is resolved against it), comma-separated
 * @param keys each witness's cosignature/v1 verifier key, in the order of {@code urls}
 * @param quorum how many distinct witnesses make a checkpoint "witnessed"; default: all of them
 * @param retryInterval how long a witness that did not answer rests before it gets the newest checkpoint again
 * @param bundleWait how long a bundle export waits for a witnessed checkpoint covering what it exports
 */
@ConfigurationProperties("cbam.witness")
public record WitnessConfiguration(
        @Nullable List<String> urls,
        @Nullable List<String> keys,
        @Nullable Integer quorum,
        @Bindable(defaultValue = "1s") Duration retryInterval,
        @Bindable(defaultValue = "10s") Duration bundleWait) {}
