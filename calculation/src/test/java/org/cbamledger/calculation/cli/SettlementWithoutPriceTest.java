package org.cbamledger.calculation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cbamledger.calculation.scenario.ElectricityScenarioFiles;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import org.cbamledger.spec.RecordValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** settlements.csv without its price and invoice columns: valid settlements, the same figures (issue 13 item 9). */
class SettlementWithoutPriceTest {
    private static final Path SERBIAN = Path.of("..", "scenarios", "serbian-extruder-ppa-2026");
    private static final Set<String> PRICE_COLUMNS = Set.of("energyEur", "evidenceValueEur", "totalEur", "invoiceNumber");

    @Test
    void settlementsWithoutPriceColumns_loadAndGiveTheSameFigures(@TempDir Path dir) throws Exception {
        Path scenario = ScenarioCopies.copy(SERBIAN, dir.resolve("no-price"));
        Path settlements = scenario.resolve("settlements.csv");
        List<String> lines = Files.readAllLines(settlements);
        List<String> header = List.of(lines.getFirst().split(",", -1));
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < cells.length; i++) {
                if (!PRICE_COLUMNS.contains(header.get(i))) {
                    out.add(cells[i]);
                }
            }
            kept.add(String.join(",", out));
        }
        Files.write(settlements, kept);
        assertTrue(!Files.readString(settlements).contains("energyEur"));

        int checked = 0;
        for (ScenarioRecord record : ElectricityScenarioFiles.load(scenario, ScenarioLoader.load(scenario))) {
            if (record.kind().equals("supply-settlement")) {
                assertTrue(record.record().path("price").isMissingNode());
                RecordValidator.validateAgainst("supply-settlement", record.record());
                checked++;
            }
        }
        assertEquals(12, checked);
        JsonNode without = CalculateCommand.statement(scenario, Optional.empty(), List.of());
        JsonNode with = CalculateCommand.statement(SERBIAN, Optional.empty(), List.of());
        assertEquals(with.path("emissions"), without.path("emissions"));
        assertEquals(with.path("cost"), without.path("cost"));
    }
}
