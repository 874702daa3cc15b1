package org.cbamledger.spec;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/** Rules across fields that JSON Schema cannot say; run after the schema matched. */
final class RecordRules {
    private RecordRules() {}

    static void check(JsonNode record) throws RecordValidationException {
        switch (record.get("kind").stringValue()) {
            case Kinds.METER_READING_BATCH -> checkReadings(record.get("readings"));
            case Kinds.KEY_REGISTRATION -> checkValidity(record);
            default -> { }
        }
    }

    private static void checkReadings(JsonNode readings) throws RecordValidationException {
        Instant previousEnd = null;
        int i = 0;
        for (JsonNode reading : readings.values()) {
            Instant start = instant(reading.get("intervalStart"));
            Instant end = instant(reading.get("intervalEnd"));
            if (!end.isAfter(start)) {
                throw new RecordValidationException("reading " + i + " ends before it starts");
            }
            if (previousEnd != null && start.isBefore(previousEnd)) {
                throw new RecordValidationException("reading " + i + " overlaps or precedes reading " + (i - 1));
            }
            previousEnd = end;
            i++;
        }
    }

    private static void checkValidity(JsonNode registration) throws RecordValidationException {
        JsonNode until = registration.get("validUntil");
        if (!until.isNull() && !instant(until).isAfter(instant(registration.get("validFrom")))) {
            throw new RecordValidationException("key registration validUntil is not after validFrom");
        }
    }

    private static Instant instant(JsonNode timestamp) throws RecordValidationException {
        Instant fast = UtcTimestamps.parse(timestamp.stringValue());
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(timestamp.stringValue());
        } catch (DateTimeParseException e) {
            throw new RecordValidationException("timestamp \"" + timestamp.stringValue() + "\" is not a valid instant");
        }
    }
}
