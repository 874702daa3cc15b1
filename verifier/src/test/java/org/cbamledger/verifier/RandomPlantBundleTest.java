package org.cbamledger.verifier;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Variants of the worked example with random odd quantities, so that the specific emissions, the precursor's
 * electricity and the costs are non-terminating quotients stored at the policy's 34 digits: each bundle verifies PASS
 * end to end (signatures, proofs, calculation and statement recomputed and read back by the verifier).
 */
class RandomPlantBundleTest {
    @TempDir
    Path tmp;

    @Test
    void randomPlants_bundlesVerifyPass() throws Exception {
        for (int seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed);
            Path scenario = copyOfTheWorkedExample(tmp.resolve("scenario-" + seed));
            String tonnesOut = (1000 + random.nextInt(2000)) + "." + (1 + random.nextInt(998));
            String billets = (2000 + random.nextInt(2000)) + "." + (1 + random.nextInt(998));
            replace(scenario.resolve("batches.csv"), ",2200,2000,200,", "," + billets + "," + tonnesOut + ",0,");
            replace(scenario.resolve("batch-precursors.csv"), ",7601,2200", ",7601," + billets);
            replace(scenario.resolve("purchases.csv"), ",7601,2200,", ",7601," + billets + ",");
            replace(scenario.resolve("supplier-statements.csv"), ",0.02805,0.2,", ",0.0" + (1000 + random.nextInt(8999)) + ",0."
                    + (101 + random.nextInt(898)) + ",");
            replace(scenario.resolve("fuels.csv"), ",1320,", "," + (1000 + random.nextInt(999)) + "." + random.nextInt(10) + ",");
            WorkedExampleBundle bundle = new WorkedExampleBundle(scenario, List.of());
            VerificationReport report = new Verifier().verify(bundle.write(tmp.resolve("bundle-" + seed)), List.of());
            StringBuilder text = new StringBuilder();
            report.results().forEach(r -> text.append(r).append('\n'));
            assertTrue(report.passed(), () -> "plant " + tonnesOut + " t from " + billets + " t:\n" + text);
        }
    }

    private static Path copyOfTheWorkedExample(Path dir) throws Exception {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(WorkedExampleBundle.SCENARIO)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        return dir;
    }

    private static void replace(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertTrue(text.contains(from), () -> file + " holds no " + from);
        Files.writeString(file, text.replace(from, to));
    }
}
