package org.cbamledger.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.cbamledger.verifier.check.IndexCheck;
import org.cbamledger.verifier.context.CheckResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** A room bundle is complete by the log's verifiable index (issue 12, completeness of a subset). */
class IndexCheckTest {
    @TempDir
    static Path tmp;

    static RoomIndexBundle room;

    @BeforeAll
    static void buildLog() throws Exception {
        room = new RoomIndexBundle(true);
    }

    private static List<CheckResult> indexFailures(VerificationReport report) {
        return report.failures().stream().filter(f -> f.check().equals(IndexCheck.NAME)).toList();
    }

    @Test
    void honestRoomBundle_verifies() throws Exception {
        VerificationReport report = new Verifier().verify(room.write(tmp.resolve("honest"), Set.of(), true), List.of());
        assertTrue(report.passed(), () -> report.failures().toString());
        assertTrue(room.inScope().size() >= 5, () -> "the worked example has in-scope entries: " + room.inScope());
        assertEquals(72 + 1, report.results().stream().filter(r -> r.check().equals(IndexCheck.NAME)).count(),
                "one line for the commitment and one per key: 6 kinds x 12 months");
    }

    @TestFactory
    Stream<DynamicTest> everyInScopeEntryLeftOut_failsNamingItsKey() {
        return room.inScope().entrySet().stream().map(leaf -> DynamicTest.dynamicTest("leaf " + leaf.getKey(), () -> {
            VerificationReport report = new Verifier().verify(
                    room.write(tmp.resolve("without-" + leaf.getKey()), Set.of(leaf.getKey()), true), List.of());
            assertFalse(report.passed());
            assertTrue(indexFailures(report).stream().anyMatch(f -> f.subject().equals("entries/" + leaf.getKey() + ".json")
                    && f.message().equals("missing: leaf " + leaf.getKey() + " is listed in the log's index under "
                            + leaf.getValue())), () -> indexFailures(report).toString());
        }));
    }

    @Test
    void hiddenSecondCalculation_isNamed() throws Exception {
        long hidden = room.secondCalculationIndex;
        VerificationReport report =
                new Verifier().verify(room.write(tmp.resolve("hidden"), Set.of(hidden), true), List.of());
        List<CheckResult> failures = indexFailures(report);
        assertEquals(12, failures.size(), failures::toString);
        assertEquals("missing: leaf " + hidden + " is listed in the log's index under index:TR-EXTRUDER-01:calculation:2026-01",
                failures.getFirst().message());
    }

    @Test
    void indexThatOmitsABundledCalculation_fails() throws Exception {
        RoomIndexBundle dishonest = new RoomIndexBundle(true, true);
        long omitted = dishonest.secondCalculationIndex;
        VerificationReport report =
                new Verifier().verify(dishonest.write(tmp.resolve("dishonest"), Set.of(), true), List.of());
        List<CheckResult> failures = indexFailures(report);
        assertEquals(12, failures.size(), failures::toString);
        assertEquals("entries/" + omitted + ".json", failures.getFirst().subject());
        assertEquals("the log's index omits this entry under index:TR-EXTRUDER-01:calculation:2026-01: the index is"
                + " not the log's", failures.getFirst().message());
    }

    @Test
    void roomBundleWithoutItsMapProofs_failsNamingEachKey() throws Exception {
        VerificationReport report =
                new Verifier().verify(room.write(tmp.resolve("no-proofs"), Set.of(), false), List.of());
        List<CheckResult> failures = indexFailures(report);
        assertEquals(72, failures.size());
        assertTrue(failures.stream().allMatch(f -> f.message().startsWith("missing: the map proof of index:TR-EXTRUDER-01:")));
    }

    @Test
    void indexCommitmentNotSignedByTheLogKey_isRefused() throws Exception {
        RoomIndexBundle forged = new RoomIndexBundle(false);
        VerificationReport report =
                new Verifier().verify(forged.write(tmp.resolve("forged"), Set.of(), true), List.of());
        long commitment = forged.example.log.size() - 1;
        assertFalse(report.passed());
        assertTrue(indexFailures(report).stream().anyMatch(f -> f.subject().equals("entries/" + commitment + ".json")
                && f.message().startsWith("the index commitment is not the log's: ")), () -> report.failures().toString());
    }
}
