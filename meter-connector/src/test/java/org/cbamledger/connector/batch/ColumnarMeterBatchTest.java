package org.cbamledger.connector.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cbamledger.connector.WireReadings;
import org.cbamledger.connector.reading.IntervalReading;
import org.cbamledger.connector.reading.Quality;
import org.cbamledger.connector.register.RegisterValue;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Which readings go in columns (version 2), and that flags, gaps and evidence survive the columns. */
class ColumnarMeterBatchTest {
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
    private static final Duration Q = Duration.ofMinutes(15);
    private static final BigDecimal WH = new BigDecimal("0.001");
    private final BatchSigner signer = new BatchSigner(SigningKey.generate(KeyAlgorithm.ED25519));

    private static RegisterValue counter(long wh, BigDecimal scale) {
        return new RegisterValue(BigDecimal.valueOf(wh).multiply(scale), new int[] {(int) (wh >>> 16), (int) (wh & 0xffff)},
                scale);
    }

    private static IntervalReading measured(Instant start, Duration length, long startWh, long endWh, Quality quality,
            BigDecimal scale) {
        return new IntervalReading("m1", start, start.plus(length), BigDecimal.valueOf(endWh - startWh).multiply(scale),
                quality, counter(startWh, scale), counter(endWh, scale), Map.of(), null);
    }

    private static IntervalReading good(int interval, long startWh, long endWh) {
        return measured(T0.plus(Q.multipliedBy(interval)), Q, startWh, endWh, Quality.GOOD, WH);
    }

    private static IntervalReading commFailure(int interval, long startWh) {
        return new IntervalReading("m1", T0.plus(Q.multipliedBy(interval)), T0.plus(Q.multipliedBy(interval + 1)), null,
                Quality.COMM_FAILURE, counter(startWh, WH), null, Map.of(), "connection refused");
    }

    private static IntervalReading reset(int interval, long startWh, long endWh) {
        return new IntervalReading("m1", T0.plus(Q.multipliedBy(interval)), T0.plus(Q.multipliedBy(interval + 1)), null,
                Quality.METER_RESET, counter(startWh, WH), counter(endWh, WH), Map.of(), "reset");
    }

    /** Signed as the connector signs it (schema and rules checked), read back from the envelope. */
    private JsonNode signed(List<IntervalReading> readings) throws Exception {
        return Envelope.parse(signer.sign(new MeterReadingBatch("m1", "gw-1", 7, readings))).record();
    }

    @Test
    void consecutiveIntervals_goInColumns_withFlagsAndNoStaleValues() throws Exception {
        List<IntervalReading> day = List.of(good(0, 1000, 1250), commFailure(1, 1250), reset(2, 1400, 3),
                good(3, 3, 300), measured(T0.plus(Q.multipliedBy(4)), Q, 65_000, 65_800, Quality.ROLLOVER, WH));
        JsonNode record = signed(day);
        assertEquals(2, record.get("version").asInt());
        assertEquals("2026-01-05T00:00:00Z", record.get("start").asString());
        assertEquals(900, record.get("intervalSeconds").asInt());
        assertEquals("0.001", record.get("scale").asString());
        assertEquals(List.of("GOOD", "COMM_FAILURE", "GAP", "GOOD", "SUSPECT"),
                texts(record.get("quality")));
        assertEquals("0.25", record.get("energyKwh").get(0).asString());
        assertEquals("000004e2", record.get("rawRegisterValues").get(0).asString());
        for (int flagged : new int[] {1, 2}) {
            assertTrue(record.get("energyKwh").get(flagged).isNull(), "energy of reading " + flagged);
            assertTrue(record.get("rawRegisterValues").get(flagged).isNull(), "raw words of reading " + flagged);
        }
        assertEquals(7, record.get("sequence").asLong());
        assertEquals(WireReadings.of(new MeterReadingBatch("m1", "gw-1", 7, day).toVersion1Json()), WireReadings.of(record),
                "the same readings as version 1");
    }

    @Test
    void aSpanOverMissedBoundaries_isOneReadingOfTheSpansLength() throws Exception {
        JsonNode record = signed(List.of(measured(T0.plus(Q), Q.multipliedBy(3), 1000, 1900, Quality.GAP, WH)));
        assertEquals(2, record.get("version").asInt());
        assertEquals(2700, record.get("intervalSeconds").asInt());
        assertEquals("SUSPECT", record.get("quality").get(0).asString());
        assertEquals("0.9", record.get("energyKwh").get(0).asString());
    }

    @Test
    void aSpanOfMoreThanADay_staysVersion1() throws Exception {
        JsonNode record = signed(List.of(measured(T0, Duration.ofDays(2), 1000, 9000, Quality.GAP, WH)));
        assertTrue(record.get("version") == null, record.toString());
        assertEquals("SUSPECT", record.get("readings").get(0).get("quality").asString());
        assertEquals(T0.plus(Duration.ofDays(2)).toString(), record.get("readings").get(0).get("intervalEnd").asString());
    }

    @Test
    void split_endsABatchWhereTheColumnsBreak() {
        BigDecimal tenthKwh = new BigDecimal("0.1");
        List<IntervalReading> readings = new ArrayList<>(List.of(good(0, 0, 10), good(1, 10, 20), good(2, 20, 30)));
        readings.add(measured(T0.plus(Q.multipliedBy(3)), Q.multipliedBy(3), 30, 60, Quality.GAP, WH)); // a span
        readings.add(good(6, 60, 70));
        readings.add(measured(T0.plus(Q.multipliedBy(7)), Q, 70, 80, Quality.GOOD, tenthKwh)); // another scale
        readings.add(commFailure(8, 80)); // no energy: joins whatever scale
        readings.add(good(10, 100, 110)); // not adjacent
        List<List<IntervalReading>> batches = BatchColumns.split(readings, 96);
        assertEquals(List.of(3, 1, 1, 2, 1), batches.stream().map(List::size).toList());
        batches.forEach(batch -> assertTrue(BatchColumns.fit(batch), batch.toString()));
        assertEquals(readings, batches.stream().flatMap(List::stream).toList());
    }

    @Test
    void split_keepsWithinTheBatchSizeAndTheSchemasLimit() {
        List<IntervalReading> month = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            month.add(good(i, 10L * i, 10L * i + 10));
        }
        assertEquals(List.of(2976, 24), BatchColumns.split(month, 5000).stream().map(List::size).toList());
        assertEquals(32, BatchColumns.split(month, 96).size());
        assertTrue(!BatchColumns.fit(month));
        assertTrue(BatchColumns.fit(month.subList(0, 2976)));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.values().forEach(node -> texts.add(node.asString()));
        return texts;
    }
}
