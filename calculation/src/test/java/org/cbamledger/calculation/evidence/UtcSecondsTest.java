package org.cbamledger.calculation.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch's start read by hand exactly as {@link Instant#parse} reads it, whole seconds only (no .000, no :60). */
class UtcSecondsTest {
    @Test
    void everyStartAndEveryOneCharacterEditOfIt_readsAsInstantParseReadsIt() {
        List<String> starts = new ArrayList<>(List.of("", "2026-03-01T00:00:00", "2026-03-01T00:00:00.5Z",
                "2026-03-01T00:00:00.000Z", "+2026-03-01T00:00:00Z", "-0001-03-01T00:00:00Z", "12026-03-01T00:00:00Z",
                "2026-03-01t00:00:00z", "2026-03-01T00:00Z", "2026-03-01T00:00:00+00:00"));
        for (String start : List.of("2026-03-01T00:00:00Z", "2028-02-29T23:45:00Z", "2026-02-29T00:00:00Z",
                "2026-04-31T00:00:00Z", "2026-12-31T23:59:59Z", "2026-12-31T23:59:60Z", "2026-12-31T24:00:00Z",
                "2026-12-31T24:00:01Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-01-00T00:00:00Z",
                "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
                "2026-06-15T12:60:00Z", "2026-06-15T12:00:61Z", "2026-06-15T25:00:00Z")) {
            starts.add(start);
            for (int i = 0; i < start.length(); i++) {
                for (char c : "0129T:-Z. x".toCharArray()) {
                    starts.add(start.substring(0, i) + c + start.substring(i + 1));
                }
                starts.add(start.substring(0, i) + start.substring(i + 1));
            }
        }
        for (String start : starts) {
            assertEquals(reference(start), UtcSeconds.parse(start), start);
        }
    }

    private static long reference(String start) {
        try {
            Instant instant = Instant.parse(start);
            // whole seconds as reading times are: no fraction, not even .000, and no leap second
            return BatchReadings.isWholeSecond(start, instant) ? instant.getEpochSecond() : UtcSeconds.NONE;
        } catch (DateTimeParseException e) {
            return UtcSeconds.NONE;
        }
    }
}
