package org.cbamledger.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.cbamledger.signer.Envelope;
import org.cbamledger.verifier.bundle.BundlePaths;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The seed-002 year with its hourly and daily meter readings split into 15-minute ones: the same entries, some 40
 * times the readings. The statement's sums of a meter's month name its daily batches as one entry set, so it stays the
 * size of the original, verifies, and one reading changed in one batch still fails verification.
 */
class QuarterHourStatementTest {
    static SerbianBundle hourly;
    static SerbianBundle quarterHourly;

    @TempDir
    Path tmp;

    @BeforeAll
    static void build() throws Exception {
        hourly = new SerbianBundle();
        quarterHourly = new SerbianBundle(true);
    }

    private static long readings(SerbianBundle bundle) throws Exception {
        long count = 0;
        for (long i = 0; i < bundle.log.size(); i++) {
            Envelope envelope = Envelope.parse(bundle.log.entry(i));
            if (envelope.kind().equals("meter-reading-batch")) {
                count += envelope.record().path("readings").size();
            }
        }
        return count;
    }

    private static int bytes(JsonNode statement) {
        return statement.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    private static String describe(VerificationReport report) {
        StringBuilder out = new StringBuilder();
        report.results().stream().filter(CheckResult::failed).forEach(r -> out.append(r).append('\n'));
        return out.toString();
    }

    @Test
    void statement_growsWithTheEntries_notTheReadings() throws Exception {
        assertEquals(hourly.log.size(), quarterHourly.log.size());
        long hourlyReadings = readings(hourly);
        long quarterReadings = readings(quarterHourly);
        assertTrue(quarterReadings > 10 * hourlyReadings, hourlyReadings + " and " + quarterReadings + " readings");

        double ratio = (double) bytes(quarterHourly.statement) / bytes(hourly.statement);
        assertTrue(ratio < 1.02, "the 15-minute statement is " + ratio + " times the hourly one");
        assertEquals(hourly.statement.at("/emissions/indirectTco2"), quarterHourly.statement.at("/emissions/indirectTco2"));
        List<JsonNode> sets = StreamSupport.stream(quarterHourly.statement.at("/evidence/figures").spliterator(), false)
                .flatMap(f -> StreamSupport.stream(f.path("inputs").spliterator(), false)).filter(i -> i.has("entries")).toList();
        assertTrue(sets.size() >= 12, sets.size() + " entry-set inputs");
        assertTrue(sets.stream().anyMatch(i -> i.at("/entries/count").asInt() == 31 && i.at("/entries/fields").asInt() == 31 * 96),
                "a meter's January of quarter hours is one input naming its 31 daily batches");
        assertTrue(sets.stream().allMatch(i -> i.at("/entries/fields").asInt() > 0));
        assertTrue(bytes(quarterHourly.statement) < 1_000 * quarterHourly.log.size(),
                bytes(quarterHourly.statement) + " bytes for " + quarterHourly.log.size() + " entries");
    }

    @Test
    void verify_passesTheStatementOfQuarterHourReadings() throws Exception {
        Path bundle = quarterHourly.write(tmp.resolve("b"), i -> true, quarterHourly.claims(List.of()));

        VerificationReport report = new Verifier().verify(bundle, List.of());

        assertTrue(report.passed(), () -> describe(report));
        assertTrue(report.results().stream().anyMatch(r -> r.check().equals("statement")
                && r.message().startsWith("every figure recomputes")), () -> describe(report));
    }

    @Test
    void verify_failsTheStatement_whenOneReadingOfOneBatchIsEditedAndReSigned() throws Exception {
        verifyFailsWithOneReadingEdited("main-incomer");
    }

    @Test
    void verify_failsTheSubMetersMonthEntrySet_whenOneOfItsReadingsIsEditedAndReSigned() throws Exception {
        List<String> statement = verifyFailsWithOneReadingEdited("press-1");
        assertTrue(statement.stream().anyMatch(m -> m.contains(".entries.leafHashesSha256: stated ")), statement::toString);
        assertTrue(statement.stream().anyMatch(m -> m.contains(".entries.fields") || m.contains(".inputs[0].value: stated ")),
                statement::toString);
    }

    /** The statement check's failures once one reading of the meter's first 96-reading batch is changed. */
    private List<String> verifyFailsWithOneReadingEdited(String meterId) throws Exception {
        Path bundle = quarterHourly.write(tmp.resolve("b"), i -> true, quarterHourly.claims(List.of()));
        long index = quarterHourly.editOneReading(bundle, meterId);

        VerificationReport report = new Verifier().verify(bundle, List.of());

        assertFalse(report.passed());
        String file = BundlePaths.entryFile(index);
        assertTrue(report.results().stream().anyMatch(r -> r.check().equals("entry-signature") && r.subject().equals(file)
                && r.status() == CheckStatus.PASS), () -> describe(report));
        assertTrue(report.failures().stream().anyMatch(r -> r.check().equals("inclusion-proof")), () -> describe(report));
        List<String> statement = report.failures().stream().filter(r -> r.check().equals("statement")).map(CheckResult::message).toList();
        assertTrue(statement.stream().anyMatch(m -> m.startsWith("evidence.entries[") && m.contains("leafHash")), statement::toString);
        assertTrue(statement.stream().anyMatch(m -> m.startsWith("evidence.figures[") && m.contains(".value: stated ")), statement::toString);
        assertTrue(statement.stream().anyMatch(m -> m.startsWith("emissions.")), statement::toString);
        return statement;
    }

}
