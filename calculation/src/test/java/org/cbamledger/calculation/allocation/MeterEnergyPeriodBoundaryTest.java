package org.cbamledger.calculation.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.core.ReportingPeriod;
import org.cbamledger.calculation.evidence.BatchColumns;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.signer.DsseSignature;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.Merkle;
import org.cbamledger.spec.Kinds;
import org.junit.jupiter.api.Test;

/**
 * Readings at the end of the period: one ending at the period's last instant counts, one ending after it does not, and
 * one whose time carries a fraction of a second is refused (cut to whole seconds it would end within the period).
 */
class MeterEnergyPeriodBoundaryTest {
    private static final ReportingPeriod YEAR_2026 = new ReportingPeriod(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"));

    @Test
    void readingsEndingAtThePeriodsEnd_count_andTheNextOneDoesNot() throws Exception {
        EvidenceRecord columns = v2("2026-12-31T23:30:00Z", 3, true);
        assertNotNull(columns.columns());
        for (EvidenceRecord batch : List.of(columns, v2("2026-12-31T23:30:00Z", 3, false), v1("2027-01-01T00:00:00Z"))) {
            MeterEnergy.Months months = new MeterEnergy(List.of(batch), YEAR_2026).of("main-incomer");
            assertEquals("3", months.kwh().get(YearMonth.of(2026, 12)).value().toPlainString(), batch.toString());
            assertEquals(1800, months.coveredSeconds());
            assertEquals(List.of(YearMonth.of(2026, 12)), List.copyOf(months.kwh().keySet()));
        }
    }

    @Test
    void aVersion1ReadingEndingHalfASecondAfterThePeriod_isRefused_notCountedWithin() throws Exception {
        EvidenceRecord batch = v1("2027-01-01T00:00:00.5Z");
        CalculationException e = assertThrows(CalculationException.class,
                () -> new MeterEnergy(List.of(batch), YEAR_2026).of("main-incomer"));
        assertEquals("meter-reading-batch at leaf 3: /readings/1/intervalEnd 2027-01-01T00:00:00.5Z is not a whole second:"
                + " reading times have no fraction and no leap second", e.getMessage());
    }

    @Test
    void aColumnarBatchStartingHalfASecondLate_isRefused_onTheColumnarAndTheTreePath() throws Exception {
        for (EvidenceRecord batch : List.of(v2("2026-12-31T23:30:00.5Z", 2, true), v2("2026-12-31T23:30:00.5Z", 2, false))) {
            assertNull(batch.columns(), "the columnar reader leaves it to the tree path");
            CalculationException e = assertThrows(CalculationException.class,
                    () -> new MeterEnergy(List.of(batch), YEAR_2026).of("main-incomer"));
            assertEquals("meter-reading-batch at leaf 3: /start 2026-12-31T23:30:00.5Z is not a whole second:"
                    + " reading times have no fraction and no leap second", e.getMessage());
        }
    }

    /** The schemas' readingTime allows neither a zero fraction nor a leap second: the calculation refuses them alike. */
    @Test
    void aZeroFractionOrALeapSecond_isRefusedAsTheSchemaRefusesIt() throws Exception {
        for (String end : List.of("2027-01-01T00:00:00.000Z", "2026-12-31T23:59:60Z", "+12026-12-31T23:59:60Z")) {
            EvidenceRecord batch = v1(end);
            CalculationException e = assertThrows(CalculationException.class,
                    () -> new MeterEnergy(List.of(batch), YEAR_2026).of("main-incomer"), end);
            assertEquals("meter-reading-batch at leaf 3: /readings/1/intervalEnd " + end + " is not a whole second:"
                    + " reading times have no fraction and no leap second", e.getMessage());
        }
        for (EvidenceRecord batch : List.of(v2("2026-12-31T23:30:00.000Z", 2, true), v2("2026-12-31T23:30:00.000Z", 2, false))) {
            assertNull(batch.columns(), "the columnar reader leaves it to the tree path");
            assertThrows(CalculationException.class, () -> new MeterEnergy(List.of(batch), YEAR_2026).of("main-incomer"));
        }
    }

    /** Readings [23:30, 23:45] of 1 kWh and [23:45, {@code secondEnd}] of 2 kWh. */
    private static EvidenceRecord v1(String secondEnd) throws Exception {
        String payload = "{\"deviceId\":\"gw-01\",\"kind\":\"meter-reading-batch\",\"meterId\":\"main-incomer\",\"readings\":["
                + reading("2026-12-31T23:30:00Z", "2026-12-31T23:45:00Z", "1") + ","
                + reading("2026-12-31T23:45:00Z", secondEnd, "2") + "],\"sequence\":0}";
        return EvidenceRecord.fromEntry(entry(payload), 3);
    }

    private static String reading(String start, String end, String kwh) {
        return "{\"energyKwh\":\"" + kwh + "\",\"intervalEnd\":\"" + end + "\",\"intervalStart\":\"" + start
                + "\",\"quality\":\"GOOD\",\"rawRegisterValue\":\"00ff\",\"scale\":\"1\"}";
    }

    /** Quarter hours from {@code start} of 1, 2, 4 ... kWh, read as columns where it can be, or else as its tree. */
    private static EvidenceRecord v2(String start, int readings, boolean columns) throws Exception {
        StringBuilder energy = new StringBuilder();
        StringBuilder flags = new StringBuilder();
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i < readings; i++) {
            String sep = i == 0 ? "" : ",";
            energy.append(sep).append('"').append(1 << i).append('"');
            flags.append(sep).append("\"GOOD\"");
            raw.append(sep).append("\"00ff\"");
        }
        String payload = "{\"deviceId\":\"gw-01\",\"energyKwh\":[" + energy + "],\"intervalSeconds\":900,\"kind\":\"meter-reading-batch\","
                + "\"meterId\":\"main-incomer\",\"quality\":[" + flags + "],\"rawRegisterValues\":[" + raw + "],\"scale\":\"1\","
                + "\"sequence\":0,\"start\":\"" + start + "\",\"version\":2}";
        assertEquals(!start.contains("."), BatchColumns.read(payload.getBytes(StandardCharsets.UTF_8)) != null);
        if (columns) {
            return EvidenceRecord.fromEntry(entry(payload), 3);
        }
        byte[] entry = entry(payload);
        return new EvidenceRecord(Kinds.METER_READING_BATCH, Envelope.parseWithRecord(entry).record(), 3,
                HexFormat.of().formatHex(Merkle.leafHash(entry)));
    }

    private static byte[] entry(String payload) {
        return new Envelope(Envelope.payloadTypeFor(Kinds.METER_READING_BATCH), payload.getBytes(StandardCharsets.UTF_8),
                List.of(new DsseSignature("ab".repeat(32), new byte[64]))).canonicalBytes();
    }
}
