package org.cbamledger.service.room;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per token subject for the room routes: every room request costs the exporter a signed log entry,
 * so one caller may make {@code burst} requests at once and {@code perSecond} a second after that.
 */
final class CallerRateLimit {
    private static final int MAX_CALLERS = 100_000;

    private record Bucket(double tokens, Instant at) {}

    private final int burst;
    private final double perSecond;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    CallerRateLimit(int burst, double perSecond) {
        this.burst = burst;
        this.perSecond = perSecond;
    }

    /** Takes one request from the caller's bucket: zero when it may go on, else the seconds until it may. */
    long take(String subject, Instant now) {
        if (buckets.size() > MAX_CALLERS) {
            buckets.clear(); // a flood of subjects costs them their history, never the service its memory
        }
        long[] wait = {0};
        buckets.compute(subject, (s, b) -> {
            double tokens = b == null ? burst
                    : Math.min(burst, b.tokens() + perSecond * Math.max(0, Duration.between(b.at(), now).toNanos()) / 1e9);
            if (tokens >= 1) {
                return new Bucket(tokens - 1, now);
            }
            wait[0] = (long) Math.ceil((1 - tokens) / perSecond);
            return new Bucket(tokens, now);
        });
        return wait[0];
    }
}
