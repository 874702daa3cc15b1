package org.cbamledger.calculation.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.core.ExactSum;
import org.cbamledger.signer.DsseSignature;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.SignerException;
import org.cbamledger.spec.Kinds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A columnar batch read as columns ({@link EvidenceRecord#fromEntry}) against the strict tree path (the envelope parsed
 * with its record tree, {@link Envelope#parseWithRecord}): every payload, well-formed or adversarial, is accepted or
 * rejected the same way, with the same message, and its readings read the same (interval, flag, kWh or the error).
 */
class BatchColumnsTest {
    private static final String BASE = "{\"deviceId\":\"gw-01\",\"energyKwh\":[\"412.75\",null,\"398.5\",\"0\"],"
            + "\"intervalSeconds\":900,\"kind\":\"meter-reading-batch\",\"meterId\":\"main-incomer\","
            + "\"quality\":[\"GOOD\",\"COMM_FAILURE\",\"SUSPECT\",\"GOOD\"],"
            + "\"rawRegisterValues\":[\"0001a2b4\",null,\"0001a3f2\",\"0001a3f2\"],\"scale\":\"0.01\",\"sequence\":0,"
            + "\"start\":\"2026-03-01T00:00:00Z\",\"version\":2}";

    @Test
    void canonicalBatch_isReadAsColumns_likeItsTree() throws Exception {
        EvidenceRecord compact = EvidenceRecord.fromEntry(entry(BASE), 7);
        assertNotNull(compact.columns());
        assertTrue(compact.record().path("energyKwh").isMissingNode(), "the arrays are not kept as a tree");
        assertEquals("main-incomer", compact.record().path("meterId").asString());
        assertEquals(readings(tree(BASE)), readings(compact));
        assertTrue(readings(compact).contains("398.5"), readings(compact));
    }

    @Test
    void quarterHourDay_withLargeAndNegativeValues_readsAsItsTree() throws Exception {
        String day = day(96, 900);
        assertNotNull(BatchColumns.read(day.getBytes(StandardCharsets.UTF_8)), "read as columns: 18 digits, 9 fraction digits");
        assertEquals(outcome(day, true), outcome(day, false));
    }

    @Test
    void fiveMinuteDay_longerThanTheReadersFirstArrays_readsAsItsTree() throws Exception {
        String day = day(288, 300);
        assertEquals(288, BatchColumns.read(day.getBytes(StandardCharsets.UTF_8)).columns().size());
        assertEquals(outcome(day, true), outcome(day, false));
    }

    /** A day of {@code readings} at {@code intervalSeconds}: large, small, negative and absent values, their flags. */
    private static String day(int readings, int intervalSeconds) {
        StringBuilder energy = new StringBuilder();
        StringBuilder flags = new StringBuilder();
        StringBuilder raw = new StringBuilder();
        String[] values = {"0", "0.000000001", "999999999.999999999", "-12.5", "922337203.68547758", "7.10"};
        for (int i = 0; i < readings; i++) {
            String sep = i == 0 ? "" : ",";
            energy.append(sep).append(i % 17 == 3 ? "null" : "\"" + values[i % values.length] + "\"");
            flags.append(sep).append(i % 17 == 3 ? "\"GAP\"" : "\"GOOD\"");
            raw.append(sep).append("\"00ff\"");
        }
        return BASE.replace("[\"412.75\",null,\"398.5\",\"0\"]", "[" + energy + "]")
                .replace("[\"GOOD\",\"COMM_FAILURE\",\"SUSPECT\",\"GOOD\"]", "[" + flags + "]")
                .replace("[\"0001a2b4\",null,\"0001a3f2\",\"0001a3f2\"]", "[" + raw + "]")
                .replace("\"intervalSeconds\":900", "\"intervalSeconds\":" + intervalSeconds);
    }

    /** Payloads the columns do not read: each goes the tree path and ends exactly as the tree path alone ends it. */
    @ParameterizedTest
    @ValueSource(strings = {
        // a duplicate member: the strict parse refuses it
        "\"kind\":\"meter-reading-batch\",=>\"kind\":\"meter-reading-batch\",\"kind\":\"meter-reading-batch\",",
        "\"meterId\":\"main-incomer\",=>\"meterId\":\"main-incomer\",\"meterId\":\"sub-1\",",
        // more fraction digits than the columns hold (and than the schema allows)
        "\"412.75\"=>\"412.7500000001\"",
        // more digits than a long of billionths holds
        "\"412.75\"=>\"1234567890123456789\"",
        "\"412.75\"=>\"123456789012345678\"",
        // arrays of different lengths
        "[\"412.75\",null,\"398.5\",\"0\"]=>[\"412.75\",null,\"398.5\"]",
        "[\"412.75\",null,\"398.5\",\"0\"]=>[\"412.75\",null,\"398.5\",\"0\",\"5\"]",
        "[\"GOOD\",\"COMM_FAILURE\",\"SUSPECT\",\"GOOD\"]=>[\"GOOD\",\"COMM_FAILURE\",\"SUSPECT\"]",
        "[\"0001a2b4\",null,\"0001a3f2\",\"0001a3f2\"]=>[\"0001a2b4\"]",
        // NaN, strings and numbers where a decimal string belongs
        "\"412.75\"=>NaN",
        "\"412.75\"=>\"NaN\"",
        "\"412.75\"=>412.75",
        "\"412.75\"=>\"05\"",
        "\"412.75\"=>\"1.\"",
        "\"412.75\"=>\".5\"",
        "\"412.75\"=>\"1e3\"",
        "\"412.75\"=>true",
        // flags outside the schema's four, or not strings
        "\"SUSPECT\"=>\"BAD\"",
        "\"SUSPECT\"=>null",
        "\"SUSPECT\"=>3",
        // a flag's prefix, a flag and more, an empty flag, a flag in lower case (flags are matched as bytes)
        "\"SUSPECT\"=>\"SUSPEC\"",
        "\"SUSPECT\"=>\"SUSPECTS\"",
        "\"SUSPECT\"=>\"\"",
        "\"SUSPECT\"=>\"suspect\"",
        // a register word with an escape, a control character or an unclosed string (skipped without its text)
        "\"0001a2b4\"=>\"0001\\u0061\"",
        "\"0001a2b4\"=>\"0001\ta2b4\"",
        "\"0001a2b4\",null=>\"0001a2b4,null",
        // not the canonical form
        "\"intervalSeconds\":900=>\"intervalSeconds\": 900",
        "\"main-incomer\"=>\"main\\u002dincomer\"",
        "\"intervalSeconds\":900=>\"intervalSeconds\":900.0",
        // an unknown member, a missing one, another version, a start that is not a date-time, a negative interval
        "\"scale\":\"0.01\",=>\"scale\":\"0.01\",\"selector\":1,",
        "\"deviceId\":\"gw-01\",=>",
        "\"version\":2=>\"version\":3",
        "\"2026-03-01T00:00:00Z\"=>\"yesterday\"",
        // a day the month does not have (UtcSeconds reads the common form by hand)
        "\"2026-03-01T00:00:00Z\"=>\"2026-02-29T00:00:00Z\"",
        "\"intervalSeconds\":900=>\"intervalSeconds\":-900",
        // a record of another kind under the batch's payloadType
        "\"kind\":\"meter-reading-batch\"=>\"kind\":\"meter\"",
        // empty columns
        "[\"412.75\",null,\"398.5\",\"0\"]=>[]",
    })
    void adversarialBatch_takesTheTreePath_andEndsAsTheTreePathEndsIt(String edit) throws Exception {
        String[] parts = edit.split("=>", -1);
        assertTrue(BASE.contains(parts[0]), parts[0]);
        String payload = BASE.replaceFirst(java.util.regex.Pattern.quote(parts[0]), java.util.regex.Matcher.quoteReplacement(parts[1]));
        assertNull(BatchColumns.read(payload.getBytes(StandardCharsets.UTF_8)), payload);
        assertEquals(outcome(payload, true), outcome(payload, false));
    }

    /** Payloads the columns do read, though the service's rules would refuse them: the figures read as the tree's. */
    @ParameterizedTest
    @ValueSource(strings = {
        // a count of readings that does not fill a day at this interval
        "\"intervalSeconds\":900=>\"intervalSeconds\":7200",
        "\"intervalSeconds\":900=>\"intervalSeconds\":0",
        // a value where the flag says there is none, and none where it says there is one
        "\"COMM_FAILURE\"=>\"GOOD\"",
        "[\"412.75\",null=>[\"412.75\",\"3\"",
        // a leap day and the end of a day as 24:00, as Instant.parse reads them on both paths (a leap second is refused)
        "2026-03-01T00:00:00Z=>2028-02-29T23:45:00Z",
        "2026-03-01T00:00:00Z=>2026-02-28T24:00:00Z",
        "2026-03-01T00:00:00Z=>2026-03-01T00:00:00+01:00",
        // a sign and a negative zero
        "\"398.5\"=>\"-398.5\"",
        "\"398.5\"=>\"-0.0\"",
        // the edges of the int columns (a value of Integer.MIN_VALUE units marks none, so it is held as billionths)
        "\"398.5\"=>\"2.147483647\"",
        "\"398.5\"=>\"-2.147483648\"",
        "\"398.5\"=>\"-2.147483647\"",
    })
    void oddButCanonicalBatch_isReadAsColumns_likeItsTree(String edit) throws Exception {
        String[] parts = edit.split("=>", -1);
        String payload = BASE.replace(parts[0], parts[1]);
        assertNotNull(BatchColumns.read(payload.getBytes(StandardCharsets.UTF_8)), payload);
        assertEquals(outcome(payload, true), outcome(payload, false));
    }

    @Test
    void startWithAFractionOfASecond_isLeftToTheTreePath_whichRefusesIt() {
        String late = BASE.replace("2026-03-01T00:00:00Z", "2026-03-01T00:00:00.5Z");
        assertNull(BatchColumns.read(late.getBytes(StandardCharsets.UTF_8)));
        assertEquals(outcome(late, true), outcome(late, false));
        assertTrue(outcome(late, true).contains("visit refused: meter-reading-batch at leaf 7: /start 2026-03-01T00:00:00.5Z"
                + " is not a whole second: reading times have no fraction and no leap second"), outcome(late, true));
        // a fraction of zero and a leap second are refused alike, as the schemas' readingTime refuses them
        for (String start : List.of("2026-03-01T00:00:00.000Z", "2026-12-31T23:59:60Z")) {
            String odd = BASE.replace("2026-03-01T00:00:00Z", start);
            assertNull(BatchColumns.read(odd.getBytes(StandardCharsets.UTF_8)), start);
            assertEquals(outcome(odd, true), outcome(odd, false));
            assertTrue(outcome(odd, true).contains("/start " + start + " is not a whole second"), outcome(odd, true));
        }
    }

    /** The schema bounds the interval (1 to 86,400 s) and the count (2,976) at intake; a bundle's record is read as it is. */
    @Test
    void readingsRunningPastTheInstantsJavaHolds_areRefusedOnBothPaths() {
        String beyondInstant = batch(40, "999999999999999");
        assertNotNull(BatchColumns.read(beyondInstant.getBytes(StandardCharsets.UTF_8)));
        assertEquals(outcome(beyondInstant, true), outcome(beyondInstant, false));
        assertTrue(outcome(beyondInstant, true).contains("visit refused: meter-reading-batch at leaf 7: 40 readings of /intervalSeconds"
                + " 999999999999999 from /start end beyond the years Java represents"), outcome(beyondInstant, true));
        // past the long's range: more readings than an entry holds, so the columns are read without an envelope
        BatchColumns.Read beyondLong = BatchColumns.read(batch(10_000, "999999999999999").getBytes(StandardCharsets.UTF_8));
        String columns = readings(new EvidenceRecord(Kinds.METER_READING_BATCH, beyondLong.head(), 7, "ab".repeat(32), "",
                beyondLong.columns()));
        assertTrue(columns.contains("visit refused: meter-reading-batch at leaf 7: 10000 readings of /intervalSeconds"),
                columns);
        assertTrue(outcome(batch(31, "999999999999999"), true).contains("30 30000001772323170-"), "31 readings still fit");
        // an interval of more digits than the columns read (the largest I-JSON integer): 2,000 readings overflow a long
        String longest = batch(2_000, "9007199254740991");
        assertNull(BatchColumns.read(longest.getBytes(StandardCharsets.UTF_8)));
        assertTrue(outcome(longest, true).contains("visit refused: meter-reading-batch at leaf 7: 2000 readings of /intervalSeconds"
                + " 9007199254740991 from /start end beyond"), outcome(longest, true));
    }

    @Test
    void anIntervalThatIsNoWholeNumber_isRefused_notCut() {
        String payload = BASE.replace("\"intervalSeconds\":900", "\"intervalSeconds\":900.5");
        assertNull(BatchColumns.read(payload.getBytes(StandardCharsets.UTF_8)));
        assertTrue(outcome(payload, false).contains("visit refused: meter-reading-batch at leaf 7: /intervalSeconds must be a whole"
                + " number of seconds, not 900.5"), outcome(payload, false));
    }

    /** A canonical batch of {@code readings} GOOD readings of 1 kWh each, {@code interval} seconds apart. */
    private static String batch(int readings, String interval) {
        String energy = String.join(",", java.util.Collections.nCopies(readings, "\"1\""));
        String flags = String.join(",", java.util.Collections.nCopies(readings, "\"GOOD\""));
        String raw = String.join(",", java.util.Collections.nCopies(readings, "\"00ff\""));
        return BASE.replace("[\"412.75\",null,\"398.5\",\"0\"]", "[" + energy + "]")
                .replace("[\"GOOD\",\"COMM_FAILURE\",\"SUSPECT\",\"GOOD\"]", "[" + flags + "]")
                .replace("[\"0001a2b4\",null,\"0001a3f2\",\"0001a3f2\"]", "[" + raw + "]")
                .replace("\"intervalSeconds\":900", "\"intervalSeconds\":" + interval);
    }

    private static String outcome(String payload, boolean columns) {
        try {
            byte[] entry = entry(payload);
            return readings(columns ? EvidenceRecord.fromEntry(entry, 7) : tree(payload));
        } catch (SignerException | RuntimeException e) {
            return "refused: " + e.getMessage();
        }
    }

    /** The strict tree path as it was: the envelope and its record parsed as a tree. */
    private static EvidenceRecord tree(String payload) throws SignerException {
        byte[] entry = entry(payload);
        Envelope.Parsed parsed = Envelope.parseWithRecord(entry);
        return new EvidenceRecord(parsed.envelope().kind(), parsed.record(), 7, HexFormat.of().formatHex(Merkle.leafHash(entry)));
    }

    private static byte[] entry(String payload) {
        return new Envelope(Envelope.payloadTypeFor(Kinds.METER_READING_BATCH), payload.getBytes(StandardCharsets.UTF_8),
                List.of(new DsseSignature("ab".repeat(32), new byte[64]))).canonicalBytes();
    }

    /** Every reading as the engine reads it (each visit and each row with its kWh as evidence), or the error. */
    private static String readings(EvidenceRecord batch) {
        StringBuilder out = new StringBuilder();
        RecordReader reader = new RecordReader(batch);
        try {
            out.append(EvidenceSet.of(List.of(batch)).ofKind(Kinds.METER_READING_BATCH).size()).append(" current; ");
        } catch (CalculationException e) {
            out.append("set refused: ").append(e.getMessage()).append("; ");
        }
        try {
            BatchReadings.forEach(reader, (from, to, quality, energy, index) -> {
                ExactSum sum = new ExactSum();
                out.append(index).append(' ').append(from).append('-').append(to).append(' ').append(quality).append(' ')
                        .append(energy.isAbsent() ? "absent" : energy.addTo(sum) ? sum.value().toString() : "not a decimal")
                        .append("; ");
            });
        } catch (CalculationException e) {
            out.append("visit refused: ").append(e.getMessage()).append("; ");
        }
        try {
            for (BatchReadings.Reading reading : BatchReadings.of(reader)) {
                out.append(reading).append(' ').append(reading.energyPointer()).append(' ');
                try {
                    out.append(BatchReadings.kwh(reader, reading)).append("; ");
                } catch (CalculationException e) {
                    out.append("kwh refused: ").append(e.getMessage()).append("; ");
                }
            }
        } catch (CalculationException e) {
            out.append("rows refused: ").append(e.getMessage());
        }
        return out.toString();
    }
}
