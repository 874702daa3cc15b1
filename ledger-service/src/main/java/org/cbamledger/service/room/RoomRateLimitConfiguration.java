package org.cbamledger.service.room;

import static org.cbamledger.service.properties.PropertyChecks.atLeast;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code cbam.rooms.rate-limit.*}: what one caller (token subject) may ask of the room routes, each request costing
 * the exporter a signed log entry ({@link CallerRateLimit}).
 *
 * @param burst requests a caller may make at once (default 30)
 * @param perSecond requests a second after the burst (default 5)
 */
@ConfigurationProperties("cbam.rooms.rate-limit")
public record RoomRateLimitConfiguration(
        @Bindable(defaultValue = "30") int burst,
        @Bindable(defaultValue = "5") double perSecond) {

    public RoomRateLimitConfiguration {
        atLeast("cbam.rooms.rate-limit.burst", burst, 1);
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("cbam.rooms.rate-limit.per-second must be above zero, not " + perSecond);
        }
    }
}
