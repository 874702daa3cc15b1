package org.cbamledger.service.room.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cbamledger.calculation.evidence.BatchColumns;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.signer.DsseSignature;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.Merkle;
import org.cbamledger.spec.Kinds;
import org.junit.jupiter.api.Test;

/**
 * {@link ScopeEntry#of} reads a canonical columnar reading batch in one pass ({@link BatchColumns}) and everything
 * else as trees ({@link ScopeEntry#ofTree}): for each batch here, canonical or crafted, both give the same scope facts
 * (ids, signers, days), and a crafted payload is never taken by the one-pass reader.
 */
class ScopeEntryColumnarTest {
    private static final List<String> SIGNERS = List.of("aa".repeat(32), "bb".repeat(32));

    @Test
    void canonicalBatch_firstDayOfPeriod_sameAsTree() {
        String payload = batch("gw-01", "main-incomer", 0, "2026-01-01T00:00:00Z", 900, 96);
        ScopeEntry fast = assertSame(Kinds.METER_READING_BATCH, payload, true);
        assertTrue(fast.series().inPeriod(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-01")));
        assertFalse(fast.series().inPeriod(LocalDate.parse("2026-01-02"), LocalDate.parse("2026-12-31")));
        assertEquals(SIGNERS, fast.signerKeyIds());
        assertEquals("main-incomer", fast.text("/meterId"));
    }

    @Test
    void canonicalBatch_acrossMidnightAtTheLastDayOfPeriod_sameAsTree() {
        // eight quarter hours from 23:00 UTC: four end by midnight (the last one exactly at it), four on the next day
        String payload = batch("gw-01", "main-incomer", 35_039, "2026-12-31T23:00:00Z", 900, 8);
        ScopeEntry fast = assertSame(Kinds.METER_READING_BATCH, payload, true);
        assertTrue(fast.series().inPeriod(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31")));
        assertTrue(fast.series().inPeriod(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-03-31")));
        assertEquals(List.of("20818,20818", "20819,20819"),
                fast.series().spans().stream().map(s -> s[0] + "," + s[1]).toList());
    }

    @Test
    void canonicalBatch_fractionalStartAndLongSequenceAndHourIntervals_sameAsTree() {
        // a start with a fraction of a second (refused by the schema and the calculation) is left to the tree path
        assertSame(Kinds.METER_READING_BATCH, batch("gw-01", "m", 4_294_967_296L, "2026-03-01T00:00:00.5Z", 900, 4), false);
        assertSame(Kinds.METER_READING_BATCH, batch("gw-01", "m", 2_147_483_647L, "2026-03-29T00:30:00Z", 3600, 30), true);
        assertSame(Kinds.METER_READING_BATCH, batch("gw-01", "m", 7, "2026-03-01T00:00:00Z", 86_400, 1), true);
        // canonical, though no interval: both paths give no days
        ScopeEntry noInterval = assertSame(Kinds.METER_READING_BATCH, batch("gw-01", "m", 8, "2026-03-01T00:00:00Z", 0, 4), true);
        assertTrue(noInterval.series().spans().isEmpty());
    }

    @Test
    void craftedBatches_goTheTreePath_andReadAsTheTreeReadsThem() {
        String canonical = batch("gw-01", "main-incomer", 3, "2026-06-01T00:00:00Z", 900, 4);
        List<String> crafted = List.of(
                // a second meterId: the tree keeps the last one
                canonical.replace(",\"quality\":", ",\"meterId\":\"other-meter\",\"quality\":"),
                // members out of order
                canonical.replace("{\"deviceId\":\"gw-01\",", "{").replace(",\"kind\":", ",\"deviceId\":\"gw-01\",\"kind\":"),
                // whitespace, an escape, an unparsable start, a trailing member
                canonical.replace(",\"kind\":", ", \"kind\":"),
                canonical.replace("\"main-incomer\"", "\"main-\\u0069ncomer\""),
                canonical.replace("2026-06-01T00:00:00Z", "2026-06-01"),
                canonical.replace(",\"version\":2}", ",\"version\":2,\"zone\":\"Europe/Istanbul\"}"),
                // a start as a number, a sequence as a string
                canonical.replace("\"start\":\"2026-06-01T00:00:00Z\"", "\"start\":1780272000"),
                canonical.replace("\"sequence\":3", "\"sequence\":\"3\""));
        for (String payload : crafted) {
            assertSame(Kinds.METER_READING_BATCH, payload, false);
        }
        assertEquals("other-meter", ScopeEntry.of("log-1", stored(Kinds.METER_READING_BATCH, crafted.get(0))).text("/meterId"));
    }

    @Test
    void versionOneBatch_andCorrectionReplacingABatch_goTheTreePath() {
        String v1 = "{\"deviceId\":\"gw-01\",\"kind\":\"meter-reading-batch\",\"meterId\":\"main-incomer\",\"readings\":["
                + "{\"energyKwh\":\"1.5\",\"intervalEnd\":\"2026-01-01T00:15:00Z\",\"intervalStart\":\"2026-01-01T00:00:00Z\","
                + "\"quality\":\"GOOD\"}],\"sequence\":1}";
        assertSame(Kinds.METER_READING_BATCH, v1, false);
        String replacement = batch("gw-01", "main-incomer", 0, "2026-01-01T00:00:00Z", 900, 96);
        String correction = "{\"kind\":\"correction\",\"reason\":\"meter swap\",\"replacement\":" + replacement
                + ",\"supersedesLeafHash\":\"" + "cd".repeat(32) + "\"}";
        ScopeEntry corrected = assertSame(Kinds.CORRECTION, correction, false);
        assertEquals("cd".repeat(32), corrected.supersedesLeafHash());
        assertEquals(Kinds.METER_READING_BATCH, corrected.kind());
        ScopeEntry original = ScopeEntry.of("log-1", stored(Kinds.METER_READING_BATCH, replacement));
        assertEquals(original.series().spans().stream().map(s -> s[0] + "," + s[1]).toList(),
                corrected.series().spans().stream().map(s -> s[0] + "," + s[1]).toList());
        assertEquals(original.record(), corrected.record());
    }

    /** Both paths give equal entries; {@code columnar} says whether the one-pass reader takes the payload. */
    private static ScopeEntry assertSame(String kind, String payload, boolean columnar) {
        StoredEntry stored = stored(kind, payload);
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        if (columnar) {
            assertNotNull(BatchColumns.read(bytes), payload);
        } else {
            assertNull(BatchColumns.read(bytes), payload);
        }
        ScopeEntry fast = ScopeEntry.of("log-1", stored);
        ScopeEntry tree = ScopeEntry.ofTree("log-1", stored);
        assertEquals(tree.index(), fast.index(), payload);
        assertEquals(tree.record(), fast.record(), payload);
        assertEquals(tree.toJson(), fast.toJson(), payload);
        return fast;
    }

    private static StoredEntry stored(String kind, String payload) {
        byte[] envelope = new Envelope(Envelope.payloadTypeFor(kind), payload.getBytes(StandardCharsets.UTF_8),
                SIGNERS.stream().map(keyId -> new DsseSignature(keyId, new byte[64])).toList()).canonicalBytes();
        return new StoredEntry(41, Merkle.leafHash(envelope), kind, envelope);
    }

    /** The canonical (RFC 8785) form of a version 2 batch of {@code readings} readings. */
    private static String batch(String deviceId, String meterId, long sequence, String start, long intervalSeconds,
            int readings) {
        return "{\"deviceId\":\"" + deviceId + "\",\"energyKwh\":[" + column(readings, i -> i % 5 == 1 ? "null" : "\"" + i + ".25\"")
                + "],\"intervalSeconds\":" + intervalSeconds + ",\"kind\":\"meter-reading-batch\",\"meterId\":\"" + meterId
                + "\",\"quality\":[" + column(readings, i -> i % 5 == 1 ? "\"COMM_FAILURE\"" : "\"GOOD\"")
                + "],\"rawRegisterValues\":[" + column(readings, i -> i % 5 == 1 ? "null" : "\"0001a2b4\"")
                + "],\"scale\":\"0.01\",\"sequence\":" + sequence + ",\"start\":\"" + start + "\",\"version\":2}";
    }

    private static String column(int readings, java.util.function.IntFunction<String> element) {
        return IntStream.range(0, readings).mapToObj(element).collect(Collectors.joining(","));
    }
}
