package org.cbamledger.service.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * {@code cbam.tsa.*}: RFC 3161 time-stamp authorities that timestamp the newest witnessed checkpoint.
 *
 * @param urls the authorities' URLs (POST application/timestamp-query), tried in order, comma-separated
 * @param certificates PEM files of the certificates their tokens must be signed by
 * @param interval at most one token per log per interval
 */
@ConfigurationProperties("cbam.tsa")
public record TsaConfiguration(
        @Nullable List<String> urls,
        @Nullable List<String> certificates,
        @Bindable(defaultValue = "2s") Duration interval) {}
