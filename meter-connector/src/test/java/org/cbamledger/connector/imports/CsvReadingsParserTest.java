package org.cbamledger.connector.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.cbamledger.connector.reading.IntervalReading;
import org.cbamledger.connector.reading.Quality;
import org.cbamledger.connector.time.IntervalGrid;
import org.junit.jupiter.api.Test;

class CsvReadingsParserTest {
    private final CsvReadingsParser parser = new CsvReadingsParser("press-1", new IntervalGrid(Duration.ofMinutes(15)),
            null);

    @Test
    void intervalRows_areParsedWithTheirQuality() throws Exception {
        List<IntervalReading> readings = parser.parse("ems.csv", List.of(
                "intervalStart,intervalEnd,energyKwh,quality",
                "2026-01-05T00:00:00Z,2026-01-05T00:15:00Z,12.345,GOOD",
                "2026-01-05T01:15:00+01:00,2026-01-05T00:30:00Z,,COMM_FAILURE",
                "2026-01-05T00:30:00Z,2026-01-05T00:45:00Z,7,"));
        assertEquals(3, readings.size());
        assertEquals(new BigDecimal("12.345"), readings.get(0).energyKwh());
        assertEquals("0000000000003039", readings.get(0).endCounter().rawHex()); // 12345 Wh, scale 0.001
        assertEquals(Quality.COMM_FAILURE, readings.get(1).quality());
        assertEquals(Quality.GOOD, readings.get(2).quality());
    }

    @Test
    void badRows_areAllReportedByLineAndField() {
        CsvImportException e = assertThrows(CsvImportException.class, () -> parser.parse("ems.csv", List.of(
                "intervalStart,intervalEnd,energyKwh,quality",
                "2026-01-05T00:00:00Z,2026-01-05T00:15:00Z,12.345,GOOD",
                "2026-01-05T00:15:00Z,2026-01-05T00:30:00Z,abc,GOOD",
                "2026-01-05 00:30,2026-01-05T00:45:00Z,1,GOOD",
                "2026-01-05T00:45:00Z,2026-01-05T01:00:00Z,-1,GOOD",
                "2026-01-05T01:00:00Z,2026-01-05T01:20:00Z,1,GOOD",
                "2026-01-05T01:15:00Z,2026-01-05T01:30:00Z,1,BRILLIANT",
                "2026-01-05T01:30:00Z,2026-01-05T01:45:00Z,,GOOD",
                "2026-01-05T01:30:00Z,2026-01-05T01:45:00Z,1")));
        assertEquals(List.of(
                "line 3, field energyKwh: 'abc' is not a decimal number",
                "line 4, field intervalStart: '2026-01-05 00:30' is not an RFC 3339 time with offset (e.g. 2026-01-05T00:15:00Z)",
                "line 5, field energyKwh: -1 is negative",
                "line 6, field intervalEnd: interval is PT20M, expected PT15M (only SUSPECT and GAP rows may span several intervals)",
                "line 7, field quality: 'BRILLIANT' is not one of [GOOD, SUSPECT, GAP, COMM_FAILURE]",
                "line 7, field intervalStart: 2026-01-05T01:15:00Z overlaps the previous row, which ends at 2026-01-05T01:20:00Z",
                "line 8, field energyKwh: empty, allowed only with quality GAP or COMM_FAILURE",
                "line 9: expected 4 fields, got 3"), e.problems());
        assertEquals("ems.csv rejected, nothing imported: 8 problem(s)", e.getMessage().lines().findFirst().orElseThrow());
    }

    @Test
    void intervalRowsWithAFractionOfASecond_areRejected_asTheLedgerWouldRefuseTheirBatch() {
        CsvImportException e = assertThrows(CsvImportException.class, () -> parser.parse("ems.csv", List.of(
                "intervalStart,intervalEnd,energyKwh,quality",
                "2026-01-05T00:00:00.5Z,2026-01-05T00:15:00.5Z,12.345,GOOD",
                "2026-01-05T00:30:00Z,2026-01-05T02:00:00.250+01:00,,GAP")));
        assertEquals(List.of(
                "line 2, field intervalStart: 2026-01-05T00:00:00.500Z has a fraction of a second; reading times are whole seconds",
                "line 2, field intervalEnd: 2026-01-05T00:15:00.500Z has a fraction of a second; reading times are whole seconds",
                "line 3, field intervalEnd: 2026-01-05T01:00:00.250Z has a fraction of a second; reading times are whole seconds"),
                e.problems());
    }

    @Test
    void counterRows_becomeIntervalsThroughTheSameAggregator() throws Exception {
        List<IntervalReading> readings = parser.parse("historian.csv", List.of(
                "timestamp,counterKwh",
                "2026-01-05T00:00:00Z,1000.5",
                "2026-01-05T00:15:00Z,1010.25",
                "2026-01-05T00:30:00Z,1021",
                "2026-01-05T01:00:00Z,1040"));
        assertEquals(3, readings.size());
        assertEquals(new BigDecimal("9.75"), readings.get(0).energyKwh());
        assertEquals(new BigDecimal("10.75"), readings.get(1).energyKwh());
        assertEquals(Quality.GAP, readings.get(2).quality(), "a missing row is a flagged span, not interpolated");
        assertEquals(new BigDecimal("19"), readings.get(2).energyKwh());
    }

    @Test
    void counterRowOffTheBoundary_isRejected() {
        CsvImportException e = assertThrows(CsvImportException.class, () -> parser.parse("historian.csv", List.of(
                "timestamp,counterKwh", "2026-01-05T00:07:00Z,1000")));
        assertEquals(List.of("line 2, field timestamp: 2026-01-05T00:07:00Z is not on a 15-minute boundary"),
                e.problems());
    }

    @Test
    void unknownHeader_isRejected() {
        CsvImportException e = assertThrows(CsvImportException.class,
                () -> parser.parse("x.csv", List.of("time;kwh", "a;b")));
        assertEquals(List.of("line 1: header must be 'intervalStart,intervalEnd,energyKwh[,quality]' or"
                + " 'timestamp,counterKwh', got 'time;kwh'"), e.problems());
    }
}
