package org.cbamledger.calculation;

import org.cbamledger.calculation.core.Decimals;
import org.cbamledger.calculation.core.ReportingPeriod;
import org.cbamledger.calculation.core.Installation;
import org.cbamledger.calculation.core.CalculationParameters;
import org.cbamledger.calculation.core.FigureIds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.rules.RuleSets;
import org.cbamledger.calculation.statement.CalculationRecords;
import org.cbamledger.calculation.statement.EmissionsStatements;
import org.cbamledger.calculation.statement.StatementIssue;
import org.cbamledger.calculation.statement.StatementRecomputer;
import org.cbamledger.calculation.trace.Operation;
import org.cbamledger.spec.RecordValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random plants whose figures are non-terminating quotients (two CN codes sharing a line, supplier electricity per
 * tonne, odd tonnages): each statement and calculation record matches its schema, recomputes without a difference,
 * and every stored figure, read back as the verifier reads it, is its operation of its inputs under the one policy.
 */
class RandomPlantsPropertyTest {
    private static final String PLANT = "RS-EXTRUDER-01";
    private static final int PLANTS = 60;

    @Test
    void randomPlants_everyRecomputeAgrees() throws Exception {
        for (long seed = 1; seed <= PLANTS; seed++) {
            Random random = new Random(seed);
            List<EvidenceRecord> evidence = TestEvidence.ofRecords(plant(random));
            String ruleSet = random.nextBoolean() ? RuleSets.EU_DEFINITIVE_2026 : RuleSets.SEED_TOTAL;
            CalculationResult result = EmissionsCalculator.calculate(new CalculationRequest(
                    new Installation(PLANT, "Random extruder " + seed, "RS"),
                    new ReportingPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)), "76041090", ruleSet, List.of(),
                    new CalculationParameters("2026-Q1", new BigDecimal(decimal(random, 0, 3))), evidence));
            ObjectNode statement = EmissionsStatements.build(result, new StatementIssue("st-" + seed, "2026-11-22T10:00:00Z", "op", "imp"));
            ObjectNode calculation = CalculationRecords.build(result, "calc-" + seed);
            RecordValidator.validateAgainst("emissions-statement", statement);
            RecordValidator.validateAgainst("calculation", calculation);
            assertEquals(List.of(), StatementRecomputer.recompute(statement, evidence), "plant " + seed);
            assertEquals(List.of(), StatementRecomputer.recomputeCalculation(calculation, evidence), "plant " + seed);
            for (JsonNode figure : statement.at("/evidence/figures")) {
                List<BigDecimal> inputs = new ArrayList<>();
                figure.path("inputs").forEach(input -> inputs.add(Decimals.fromJson(input.path("value"))));
                BigDecimal stored = Decimals.fromJson(figure.path("value"));
                assertEquals(0, Operation.fromWire(figure.path("operation").asString()).evaluate(inputs).compareTo(stored),
                        "plant " + seed + ", figure " + figure.path("id").asString());
            }
            assertEquals(0, result.value(FigureIds.INDIRECT).compareTo(Decimals.round(
                    result.value(FigureIds.INSTALLATION_INDIRECT).add(result.value(FigureIds.PRECURSOR_INDIRECT)))), "plant " + seed);
            assertEquals(Decimals.policyJson(), calculation.get("arithmetic"));
        }
    }

    @Test
    void productOfARoundedQuotient_landsOnTheExactValue() {
        // 3845 MWh x (1 / 3) x 3: the exact product is 3845; unrounded it would be 3844.999...9 (35 digits)
        BigDecimal third = Operation.QUOTIENT.evaluate(List.of(BigDecimal.ONE, new BigDecimal(3)));
        assertEquals("3845", Decimals.plain(Operation.PRODUCT.evaluate(List.of(new BigDecimal(3845), third, new BigDecimal(3)))));
        assertEquals(34, third.precision());
        // and a reader (the verifier's) takes the stored quotient back as written: 34 fraction digits, not 12 at most
        assertEquals(third, Decimals.fromJson(JsonNodeFactory.instance.stringNode(Decimals.plain(third))));
    }

    private static List<ObjectNode> plant(Random random) {
        List<ObjectNode> records = new ArrayList<>();
        String tonnesA = decimal(random, 50, 3);
        ObjectNode a = batch(records, "A", "76041090", tonnesA, random.nextBoolean() ? "EU" : "non-EU");
        batch(records, "B", "76042990", decimal(random, 50, 3), "EU");
        a.put("destination", "EU");
        ObjectNode input = a.withArray("precursors").addObject();
        input.put("supplierInstallationId", "MY-CAST-1");
        input.put("cnCode", "7601");
        input.put("tonnes", decimal(random, 60, 3));
        records.add(record("fuel-consumption", "installationId", PLANT, "recordId", "gas", "lineId", "L1", "sourceStream", "furnace",
                "fuel", "natural gas", "periodFrom", "2026-01-01", "periodTo", "2026-12-31", "energyGj", decimal(random, 10, 3),
                "emissionFactorTco2PerGj", "0.0" + (500 + random.nextInt(99)), "oxidationFactor", "0.99" + random.nextInt(10)));
        records.add(record("electricity-consumption", "installationId", PLANT, "recordId", "grid", "lineId", "L1",
                "periodFrom", "2026-01-01", "periodTo", "2026-12-31", "energyMwh", decimal(random, 100, 4), "source", "grid",
                "emissionFactorTco2PerMwh", "0." + (100 + random.nextInt(800))));
        records.add(record("supplier-precursor-statement", "statementId", "S1", "supplierInstallationId", "MY-CAST-1",
                "supplierName", "One", "countryOfOrigin", "MY", "cnCode", "7601", "periodFrom", "2026-01-01", "periodTo",
                "2026-12-31", "directSeeTco2PerTonne", "0." + random.nextInt(1000), "electricityMwhPerTonne",
                "0." + (1 + random.nextInt(999)), "electricityEmissionFactorTco2PerMwh", "0." + (100 + random.nextInt(800)),
                "verifier", "VVB"));
        records.getLast().put("verified", true);
        return records;
    }

    private static ObjectNode batch(List<ObjectNode> records, String id, String cnCode, String tonnesOut, String destination) {
        ObjectNode batch = record("production-batch", "installationId", PLANT, "batchId", id, "lineId", "L1", "product", "profiles",
                "cnCode", cnCode, "periodFrom", "2026-01-01", "periodTo", "2026-06-30", "tonnesIn", tonnesOut, "tonnesOut", tonnesOut,
                "destination", destination);
        records.add(batch);
        return batch;
    }

    private static ObjectNode record(String kind, String... members) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("kind", kind);
        for (int i = 0; i < members.length; i += 2) {
            node.put(members[i], members[i + 1]);
        }
        return node;
    }

    /** A random positive decimal of up to 5 integer digits (at least {@code min}) and {@code scale} fraction digits. */
    private static String decimal(Random random, int min, int scale) {
        BigDecimal value = BigDecimal.valueOf(min * 1000L + random.nextInt(99_999_000), 3).setScale(scale, java.math.RoundingMode.DOWN);
        return Decimals.plain(value.signum() == 0 ? BigDecimal.ONE : value);
    }
}
