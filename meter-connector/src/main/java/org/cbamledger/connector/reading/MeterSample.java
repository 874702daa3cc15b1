package org.cbamledger.connector.reading;

import java.time.Instant;
import java.util.Map;
import org.cbamledger.connector.register.Channel;
import org.cbamledger.connector.register.RegisterValue;

/**
 * One poll of one meter.
 *
 * @param scheduledAt the clock-aligned poll time this sample belongs to
 * @param readAt when the answer arrived
 * @param channels the decoded values, the counter included; empty when the poll failed
 * @param failure why the poll failed, or null
 */
public record MeterSample(String meterId, Instant scheduledAt, Instant readAt, Map<Channel, RegisterValue> channels,
        String failure) {
    public MeterSample {
        channels = Map.copyOf(channels);
        if (failure == null && !channels.containsKey(Channel.ACTIVE_ENERGY_IMPORT_KWH)) {
            throw new IllegalArgumentException("a successful sample needs the energy counter");
        }
    }

    public static MeterSample ok(String meterId, Instant scheduledAt, Instant readAt, Map<Channel, RegisterValue> channels) {
        return new MeterSample(meterId, scheduledAt, readAt, channels, null);
    }

    public static MeterSample failed(String meterId, Instant scheduledAt, Instant readAt, String failure) {
        return new MeterSample(meterId, scheduledAt, readAt, Map.of(), failure);
    }

    public boolean succeeded() {
        return failure == null;
    }

    public RegisterValue counter() {
        return channels.get(Channel.ACTIVE_ENERGY_IMPORT_KWH);
    }
}
