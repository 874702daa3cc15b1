package org.cbamledger.calculation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cbamledger.calculation.scenario.ElectricityScenarioFiles;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Monthly consumption and generation written in the scenario format (meter-monthly.csv, generation-monthly.csv):
 * the month is matched monthly, and the statement, the gap report and the console say which matching was used.
 */
class MonthlyScenarioTest {
    private static final Path SERBIAN = Path.of("..", "scenarios", "serbian-extruder-ppa-2026");

    @Test
    void marchAsMonthlyTotals_isMatchedMonthly_andTheStatementSaysSo(@TempDir Path dir) throws Exception {
        Path scenario = ScenarioCopies.copy(SERBIAN, dir.resolve("monthly-march"));
        BigDecimal importKwh = moveToMonthly(scenario.resolve("meter-hourly.csv"), "2026-03", 2);
        Files.writeString(scenario.resolve("meter-monthly.csv"), "meterId,month,kwh\nmain-incomer,2026-03," + importKwh.toPlainString() + "\n");
        BigDecimal generatedMwh = moveToMonthly(scenario.resolve("generation-hourly.csv"), "2026-03", 3);
        Files.writeString(scenario.resolve("generation-monthly.csv"),
                "assetId,meterId,month,mwh\nWPP-KOSAVA-1,gen-kosava-1,2026-03," + generatedMwh.toPlainString() + "\n");

        List<ScenarioRecord> records = ElectricityScenarioFiles.load(scenario, ScenarioLoader.load(scenario));
        JsonNode monthlyReading = records.stream().filter(r -> r.kind().equals("meter-reading-batch")
                && r.record().path("meterId").asString().equals("main-incomer") && r.record().at("/readings/0/intervalEnd").asString().equals("2026-04-01T00:00:00Z")).findFirst().orElseThrow().record();
        assertEquals("2026-03-01T00:00:00Z", monthlyReading.at("/readings/0/intervalStart").asString());
        assertEquals("P1M", records.stream().filter(r -> r.kind().equals("generation-data") && r.record().path("resolution").asString().equals("P1M"))
                .findFirst().orElseThrow().record().path("resolution").asString());

        JsonNode statement = CalculateCommand.statement(scenario, Optional.empty(), List.of());
        List<String> notes = new ArrayList<>();
        statement.path("notes").forEach(n -> notes.add(n.asString()));
        assertTrue(notes.contains("electricity matching: monthly in 2026-03; hourly in the other 11 month(s)"), notes.toString());
        JsonNode hourly = CalculateCommand.statement(SERBIAN, Optional.empty(), List.of());
        List<String> hourlyNotes = new ArrayList<>();
        hourly.path("notes").forEach(n -> hourlyNotes.add(n.asString()));
        assertTrue(hourlyNotes.contains("electricity matching: hourly (every month)"), hourlyNotes.toString());

        var run = CalculateCommandTest.run(dir.resolve("none.json"), scenario.toString());
        assertTrue(run.out().contains("note: electricity matching: monthly in 2026-03"), run.out());
    }

    /** Removes the month's rows of an hourly file and returns the sum of their values (column {@code valueColumn}). */
    private static BigDecimal moveToMonthly(Path file, String month, int valueColumn) throws Exception {
        BigDecimal sum = BigDecimal.ZERO;
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] cells = line.split(",");
            if (cells.length > valueColumn && cells[valueColumn - 1].startsWith(month)) {
                for (String value : cells[valueColumn].split(" ")) {
                    sum = value.equals("-") ? sum : sum.add(new BigDecimal(value));
                }
            } else {
                kept.add(line);
            }
        }
        Files.write(file, kept);
        return sum;
    }
}
