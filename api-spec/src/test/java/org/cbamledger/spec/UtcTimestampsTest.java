package org.cbamledger.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UtcTimestampsTest {
    @Test
    void parse_agreesWithInstantParse() {
        for (String text : List.of("2026-03-01T00:15:00Z", "2024-02-29T23:59:59Z", "1970-01-01T00:00:00Z",
                "2026-12-31T23:45:00.5Z", "2026-06-30T12:00:00.123456789Z", "0001-01-01T00:00:00Z")) {
            assertEquals(Instant.parse(text), UtcTimestamps.parse(text), text);
        }
        Random random = new Random(14);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(4_102_444_800L), random.nextInt(3) == 0 ? random.nextInt(1_000_000_000) : 0);
            assertEquals(instant, UtcTimestamps.parse(instant.toString()), instant.toString());
        }
    }

    @Test
    void parse_leavesEveryOtherShapeToTheSlowPath() {
        for (String text : List.of("2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-03-01T24:00:00Z",
                "2026-03-01T23:59:60Z", "2026-03-01T00:00:00", "2026-03-01T00:00:00+01:00", "2026-03-01T00:00:00.Z",
                "2026-03-01T00:00:00.1234567890Z", "2026-03-01 00:00:00Z", "+2026-03-01T00:00:00Z", "2026-3-01T00:00:00Z")) {
            assertNull(UtcTimestamps.parse(text), text);
        }
    }
}
