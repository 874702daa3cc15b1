package org.cbamledger.calculation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./cbam rules}: the rule data with citations, and published prices added to the user's file. */
class RulesCommandTest {

    static CalculateCommandTest.Run rules(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RulesCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CalculateCommandTest.Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void list_showsPricesBenchmarksAndDefaultValuesWithCitations(@TempDir Path dir) {
        var run = rules("list", "--country", "TR", "--file", dir.resolve("none.json").toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("certificatePrice.2026-Q1 = 75.36 EUR/tCO2e  [confirmed]  IR (EU) 2025/2548"), run.out());
        assertTrue(run.out().contains("benchmark.actual.7604 = 0.06 tCO2e/t  [unconfirmed]"), run.out());
        assertTrue(run.out().contains("default values: 1608 rows, 67 country rows"), run.out());
        assertTrue(run.out().contains("TR 76041090 Profiles: direct 3.7414, with mark-up 2026 4.1155, 2027 4.4897, 2028+ 4.8638 tCO2e/t, route K"),
                run.out());
    }

    @Test
    void addPrice_writesTheUserFileAndListShowsIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rule-data").resolve("user-rules.json");
        var added = rules("add-price", "--period", "2027-W05", "--eur", "80.5", "--citation", "EEX auction average, week 5 of 2027",
                "--file", file.toString());
        assertEquals(0, added.status(), added.err());
        assertTrue(Files.readString(file).contains("\"certificatePrice.2027-W05\""));
        var list = rules("list", "--file", file.toString());
        assertTrue(list.out().contains("certificatePrice.2027-W05 = 80.5 EUR/tCO2e  [confirmed, user rule data]  EEX auction average"),
                list.out());
        // a published price does not change silently
        var again = rules("add-price", "--period", "2027-W05", "--eur", "81", "--citation", "x", "--file", file.toString());
        assertEquals(1, again.status());
        assertTrue(again.err().contains("already holds certificatePrice.2027-W05 = 80.5: give --replace to change it"), again.err());
        assertEquals(0, rules("add-price", "--period", "2027-W05", "--eur", "81", "--citation", "x", "--replace", "--file",
                file.toString()).status());
    }

    @Test
    void addPrice_refusesAPeriodOutsideTheSchedule(@TempDir Path dir) {
        String file = dir.resolve("user-rules.json").toString();
        var weekly2026 = rules("add-price", "--period", "2026-W10", "--eur", "70", "--citation", "c", "--file", file);
        assertEquals(1, weekly2026.status());
        assertTrue(weekly2026.err().contains("prices are quarterly in 2026 (2026-Q1 .. 2026-Q4) and weekly from 2027"), weekly2026.err());
        assertEquals(1, rules("add-price", "--period", "2027-Q1", "--eur", "70", "--citation", "c", "--file", file).status());
        assertEquals(1, rules("add-price", "--period", "2026-Q3", "--eur", "-1", "--citation", "c", "--file", file).status());
        assertEquals(1, rules("add-price", "--period", "2026-Q3", "--eur", "70", "--file", file).status());
        assertTrue(!Files.exists(Path.of(file)));
    }
}
