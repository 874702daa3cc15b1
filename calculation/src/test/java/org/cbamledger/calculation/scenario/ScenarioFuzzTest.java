package org.cbamledger.calculation.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.TestEvidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated scenario files (seeded, reproducible) are either loaded and calculated or refused with a
 * {@link ScenarioException} or {@link CalculationException}: never any other exception.
 */
class ScenarioFuzzTest {
    private static final List<String> FILES = List.of(
            "batches.csv", "fuels.csv", "supplier-statements.csv", "batch-precursors.csv", "factors.csv", "scenario.json", "parties.csv");
    private static final String ALPHABET = "0123456789.,-\" \n#aZ{}:[]eE";

    @Test
    void mutatedScenarios_failOnlyWithScenarioOrCalculationExceptions(@TempDir Path dir) throws Exception {
        Random random = new Random(20261122);
        int refused = 0;
        for (int round = 0; round < 150; round++) {
            Path copy = Files.createDirectory(dir.resolve("r" + round));
            try (Stream<Path> files = Files.list(TestEvidence.WORKED_EXAMPLE)) {
                for (Path file : files.toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                }
            }
            Path target = copy.resolve(FILES.get(random.nextInt(FILES.size())));
            StringBuilder text = new StringBuilder(Files.readString(target, StandardCharsets.UTF_8));
            for (int edits = 1 + random.nextInt(3); edits > 0 && !text.isEmpty(); edits--) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    default -> text.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
            }
            Files.writeString(target, text);
            try {
                Scenario scenario = ScenarioLoader.load(copy);
                EmissionsCalculator.calculate(scenario.request(TestEvidence.of(scenario)));
            } catch (ScenarioException | CalculationException e) {
                refused++;
                assertTrue(!e.getMessage().isBlank());
            }
        }
        assertTrue(refused > 25, "most mutations are refused: " + refused);
    }
}
