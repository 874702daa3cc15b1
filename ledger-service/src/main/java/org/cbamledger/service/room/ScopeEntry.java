package org.cbamledger.service.room;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.cbamledger.service.log.StoredEntry;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.spec.Kinds;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the scope rules need of one entry, small enough to hold for a whole log: its index and leaf hash, the kind
 * of the entry, the record the rules read ({@code record}: a correction's replacement for a correction), the leaf
 * hash a correction supersedes, the key ids that signed it, and, for the interval series (meter readings,
 * generation), whether one interval falls in the room's period; their readings are dropped, only the ids kept.
 */
record ScopeEntry(long index, String leafHashHex, String entryKind, JsonNode record, String supersedesLeafHash,
        List<String> signerKeyIds, boolean seriesInPeriod) {
    static final String CORRECTION = Kinds.CORRECTION;
    static final String METER_READING_BATCH = Kinds.METER_READING_BATCH;
    static final String GENERATION_DATA = Kinds.GENERATION_DATA;
    private static final JsonMapper JSON = JsonMappers.PLAIN;

    /** The kind the scope rules apply: the record's, or the replacement's for a correction. */
    String kind() {
        return record.path("kind").asString("");
    }

    boolean isCorrection() {
        return entryKind.equals(CORRECTION);
    }

    String text(String pointer) {
        return ScopeFields.text(record, pointer);
    }

    static ScopeEntry of(RoomDefinition room, StoredEntry stored) {
        JsonNode payload;
        List<String> signers = new ArrayList<>();
        try {
            // stored entries passed Envelope.parse and the signature checks when they were appended; reading the
            // envelope once here instead of re-validating it makes a walk over the log about five times faster
            JsonNode envelope = JSON.readTree(stored.envelope());
            payload = JSON.readTree(Base64.getDecoder().decode(envelope.path("payload").asString("")));
            for (JsonNode signature : envelope.path("signatures").values()) {
                signers.add(signature.path("keyid").asString(""));
            }
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IllegalStateException("entry " + stored.index() + " of log " + room.logId()
                    + " is not a readable envelope: " + e.getMessage(), e);
        }
        if (!payload.isObject()) {
            throw new IllegalStateException("entry " + stored.index() + " of log " + room.logId()
                    + " holds no record");
        }
        String entryKind = payload.path("kind").asString("");
        JsonNode record = payload;
        String supersedes = null;
        if (entryKind.equals(CORRECTION)) {
            record = payload.path("replacement");
            supersedes = ScopeFields.text(payload, "/supersedesLeafHash");
        }
        boolean inPeriod = false;
        String kind = record.path("kind").asString("");
        if (kind.equals(METER_READING_BATCH)) {
            inPeriod = readingInPeriod(room, record);
            record = ids(record, "meterId", "deviceId", "sequence");
        } else if (kind.equals(GENERATION_DATA)) {
            inPeriod = generationInPeriod(room, record);
            record = ids(record, "assetId", "meterId");
        }
        return new ScopeEntry(stored.index(), HexFormat.of().formatHex(stored.leafHash()), entryKind, record, supersedes,
                List.copyOf(signers), inPeriod);
    }

    /** At least one reading's interval [intervalStart, intervalEnd] lies inside the room's period (UTC days). */
    private static boolean readingInPeriod(RoomDefinition room, JsonNode batch) {
        Instant from = startOf(room.periodFrom());
        Instant to = startOf(room.periodTo().plusDays(1));
        if (batch.has("version")) {
            return columnarReadingInPeriod(batch, from, to);
        }
        for (JsonNode reading : batch.path("readings").values()) {
            Instant start = instant(reading.path("intervalStart"));
            Instant end = instant(reading.path("intervalEnd"));
            if (start != null && end != null && !start.isBefore(from) && !end.isAfter(to)) {
                return true;
            }
        }
        return false;
    }

    /** A columnar batch (version 2): reading i covers [start + i x intervalSeconds, start + (i + 1) x intervalSeconds). */
    private static boolean columnarReadingInPeriod(JsonNode batch, Instant from, Instant to) {
        Instant start = instant(batch.path("start"));
        long seconds = batch.path("intervalSeconds").asLong();
        int readings = batch.path("quality").size();
        if (start == null || seconds <= 0 || readings == 0) {
            return false;
        }
        long first = Math.max(0, Math.ceilDiv(from.getEpochSecond() - start.getEpochSecond(), seconds));
        return first < readings && !start.plusSeconds(seconds * (first + 1)).isAfter(to);
    }

    /** At least one interval (an hour for PT1H, a calendar month for P1M, from its start) overlaps the period. */
    private static boolean generationInPeriod(RoomDefinition room, JsonNode generation) {
        Instant from = startOf(room.periodFrom());
        Instant to = startOf(room.periodTo().plusDays(1));
        boolean monthly = generation.path("resolution").asString("").equals("P1M");
        for (JsonNode interval : generation.path("intervals").values()) {
            Instant start = instant(interval.path("start"));
            if (start == null) {
                continue;
            }
            Instant end = monthly ? start.atZone(ZoneOffset.UTC).plusMonths(1).toInstant() : start.plusSeconds(3600);
            if (start.isBefore(to) && end.isAfter(from)) {
                return true;
            }
        }
        return false;
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static Instant instant(JsonNode node) {
        if (!node.isString()) {
            return null;
        }
        try {
            return Instant.parse(node.stringValue());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static JsonNode ids(JsonNode record, String... members) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        kept.set("kind", record.path("kind"));
        for (String member : members) {
            if (record.has(member)) {
                kept.set(member, record.get(member));
            }
        }
        return kept;
    }
}
