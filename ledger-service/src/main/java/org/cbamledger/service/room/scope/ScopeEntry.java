package org.cbamledger.service.room.scope;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.cbamledger.calculation.evidence.BatchColumns;
import org.cbamledger.service.store.OpenedEnvelope;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.spec.Kinds;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import org.cbamledger.signer.JsonMappers;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the scope rules need of one entry, small enough to hold for a whole log and to store in the room index: its
 * index and leaf hash, the kind of the entry, the record the rules read ({@code record}: a correction's replacement
 * for a correction), the leaf hash a correction supersedes, the key ids that signed it, and, for the interval series
 * (meter readings, generation), the days their intervals cover ({@link SeriesDays}); their readings are dropped,
 * only the ids kept. Nothing in it depends on a room.
 */
record ScopeEntry(long index, String leafHashHex, String entryKind, JsonNode record, String supersedesLeafHash,
        List<String> signerKeyIds, SeriesDays series) {
    private static final JsonMapper JSON = JsonMappers.PLAIN;

    /** The kind the scope rules apply: the record's, or the replacement's for a correction. */
    String kind() {
        return record.path("kind").asString("");
    }

    boolean isCorrection() {
        return entryKind.equals(Kinds.CORRECTION);
    }

    String text(String pointer) {
        return ScopeFields.text(record, pointer);
    }

    /** For the interval series: whether one interval falls in the room's period; false for every other record. */
    boolean seriesInPeriod(RoomDefinition room) {
        return series != null && series.inPeriod(room.periodFrom(), room.periodTo());
    }

    /**
     * The entry's scope facts. A columnar reading batch whose payload is exactly its canonical form
     * ({@link BatchColumns#read}: the eleven members in order, once each) is read in one pass without a tree (a plant's
     * year has 182,500 of them, and this catch-up runs right after its ingest); anything else as {@link #ofTree} reads
     * it. Both give the same entry.
     */
    static ScopeEntry of(String logId, StoredEntry stored) {
        OpenedEnvelope opened = open(logId, stored);
        BatchColumns.Read batch = Kinds.METER_READING_BATCH.equals(stored.kind()) ? BatchColumns.read(opened.payload()) : null;
        if (batch == null) {
            return ofTree(logId, stored, opened);
        }
        ObjectNode head = batch.head();
        SeriesDays.Builder days = SeriesDays.ofReadings();
        addColumnarIntervals(days, instant(head.path("start")), head.path("intervalSeconds").asLong(),
                batch.columns().size());
        return new ScopeEntry(stored.index(), HexFormat.of().formatHex(stored.leafHash()), Kinds.METER_READING_BATCH,
                batchIds(head), null, opened.signerKeyIds(), days.build());
    }

    /** The reference path: every entry read as trees. */
    static ScopeEntry ofTree(String logId, StoredEntry stored) {
        return ofTree(logId, stored, open(logId, stored));
    }

    private static OpenedEnvelope open(String logId, StoredEntry stored) {
        try {
            return OpenedEnvelope.of(stored);
        } catch (IllegalArgumentException e) {
            throw unreadable(logId, stored, e);
        }
    }

    private static IllegalStateException unreadable(String logId, StoredEntry stored, RuntimeException e) {
        return new IllegalStateException("entry " + stored.index() + " of log " + logId
                + " is not a readable envelope: " + e.getMessage(), e);
    }

    private static ScopeEntry ofTree(String logId, StoredEntry stored, OpenedEnvelope opened) {
        JsonNode payload;
        try {
            payload = JSON.readTree(opened.payload());
        } catch (JacksonException e) {
            throw unreadable(logId, stored, e);
        }
        if (!payload.isObject()) {
            throw new IllegalStateException("entry " + stored.index() + " of log " + logId + " holds no record");
        }
        String entryKind = payload.path("kind").asString("");
        JsonNode record = payload;
        String supersedes = null;
        if (entryKind.equals(Kinds.CORRECTION)) {
            record = payload.path("replacement");
            supersedes = ScopeFields.text(payload, "/supersedesLeafHash");
        }
        SeriesDays series = null;
        String kind = record.path("kind").asString("");
        if (kind.equals(Kinds.METER_READING_BATCH)) {
            series = readingDays(record);
            record = ids(record, "meterId", "deviceId", "sequence");
        } else if (kind.equals(Kinds.GENERATION_DATA)) {
            series = generationDays(record);
            record = ids(record, "assetId", "meterId");
        }
        return new ScopeEntry(stored.index(), HexFormat.of().formatHex(stored.leafHash()), entryKind, record, supersedes,
                opened.signerKeyIds(), series);
    }

    /** The stored form ({@link #toJson}) read back. */
    static ScopeEntry fromJson(long index, JsonNode json) {
        SeriesDays series = null;
        JsonNode days = json.path("series");
        if (days.isObject()) {
            List<long[]> spans = new ArrayList<>();
            for (JsonNode span : days.path("spans").values()) {
                spans.add(new long[] {span.get(0).asLong(), span.get(1).asLong()});
            }
            series = new SeriesDays(days.path("overlapping").asBoolean(), spans);
        }
        List<String> signers = new ArrayList<>();
        json.path("signers").values().forEach(k -> signers.add(k.asString()));
        return new ScopeEntry(index, json.path("leafHash").asString(), json.path("entryKind").asString(),
                json.path("record"), ScopeFields.text(json, "/supersedes"), List.copyOf(signers), series);
    }

    /** Everything but the index, as stored in the room index. */
    String toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("leafHash", leafHashHex).put("entryKind", entryKind);
        json.set("record", record);
        if (supersedesLeafHash != null) {
            json.put("supersedes", supersedesLeafHash);
        }
        signerKeyIds.forEach(json.putArray("signers")::add);
        if (series != null) {
            ObjectNode days = json.putObject("series").put("overlapping", series.overlapping());
            ArrayNode spans = days.putArray("spans");
            series.spans().forEach(span -> spans.addArray().add(span[0]).add(span[1]));
        }
        return JSON.writeValueAsString(json);
    }

    /** Each reading's interval [intervalStart, intervalEnd]; a columnar batch (version 2): reading i covers
     * [start + i x intervalSeconds, start + (i + 1) x intervalSeconds]. */
    private static SeriesDays readingDays(JsonNode batch) {
        SeriesDays.Builder days = SeriesDays.ofReadings();
        if (batch.has("version")) {
            addColumnarIntervals(days, instant(batch.path("start")), batch.path("intervalSeconds").asLong(),
                    batch.path("quality").size());
            return days.build();
        }
        for (JsonNode reading : batch.path("readings").values()) {
            Instant start = instant(reading.path("intervalStart"));
            Instant end = instant(reading.path("intervalEnd"));
            if (start != null && end != null) {
                days.add(start, end);
            }
        }
        return days.build();
    }

    private static void addColumnarIntervals(SeriesDays.Builder days, Instant start, long seconds, int readings) {
        if (start != null && seconds > 0) {
            for (int i = 0; i < readings; i++) {
                // the schema bounds both (86,400 s, 2,976 readings); exact all the same, never wrapped
                days.add(start.plusSeconds(Math.multiplyExact(seconds, i)), start.plusSeconds(Math.multiplyExact(seconds, i + 1)));
            }
        }
    }

    /**
     * {@link #ids} of a batch read by {@link BatchColumns}: its sequence as the tree holds a number (an int when it
     * fits, else a long), so that both paths give equal records.
     */
    private static JsonNode batchIds(ObjectNode head) {
        long sequence = head.path("sequence").asLong();
        return JsonNodeFactory.instance.objectNode().put("kind", Kinds.METER_READING_BATCH)
                .put("meterId", head.path("meterId").asString()).put("deviceId", head.path("deviceId").asString())
                .set("sequence", sequence <= Integer.MAX_VALUE ? JsonNodeFactory.instance.numberNode((int) sequence)
                        : JsonNodeFactory.instance.numberNode(sequence));
    }

    /** Each interval: an hour for PT1H, a calendar month for P1M, from its start. */
    private static SeriesDays generationDays(JsonNode generation) {
        SeriesDays.Builder days = SeriesDays.ofGeneration();
        boolean monthly = generation.path("resolution").asString("").equals("P1M");
        for (JsonNode interval : generation.path("intervals").values()) {
            Instant start = instant(interval.path("start"));
            if (start != null) {
                days.add(start, monthly ? start.atZone(ZoneOffset.UTC).plusMonths(1).toInstant() : start.plusSeconds(3600));
            }
        }
        return days.build();
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
