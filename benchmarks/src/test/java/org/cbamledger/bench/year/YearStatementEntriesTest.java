package org.cbamledger.bench.year;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.statement.EmissionsStatements;
import org.cbamledger.calculation.statement.FigureDifference;
import org.cbamledger.calculation.statement.StatementIssue;
import org.cbamledger.calculation.statement.StatementRecomputer;
import org.cbamledger.calculation.statement.StatementTrace;
import org.cbamledger.spec.RecordValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A year of 24 meters' daily batches (8,760; more than 5,000 of them used, more than a statement lists one by one): the statement names them in
 * {@code evidence.entries} as one entry set, validates, recomputes, and a batch left out of the evidence shows.
 */
class YearStatementEntriesTest {
    static List<EvidenceRecord> evidence;
    static JsonNode statement;

    @BeforeAll
    static void issue() throws Exception {
        PlantYear plant = PlantYear.of(Path.of(".."), 24, 365);
        evidence = YearRun.evidence(CalculationBench.entries(plant));
        CalculationResult result = EmissionsCalculator.calculate(plant.scenario.request(evidence));
        statement = YearClient.JSON.readTree(EmissionsStatements.build(result, new StatementIssue("st-year", "2027-01-05T00:00:00Z",
                plant.scenario.statementIssuer(), plant.scenario.statementRecipient())).toString());
    }

    @Test
    void evidenceEntries_nameTheYearsBatchesAsOneEntrySet_andEveryFigureRecomputes() throws Exception {
        RecordValidator.validateAgainst(EmissionsStatements.KIND, statement);
        List<JsonNode> sets = StreamSupport.stream(statement.at("/evidence/entries").spliterator(), false)
                .filter(e -> e.has("entries")).toList();
        assertEquals(1, sets.size(), sets.toString());
        JsonNode set = sets.getFirst().get("entries");
        assertEquals("meter-reading-batch", set.get("kind").asString());
        assertTrue(set.get("count").asInt() > StatementTrace.MAX_ENTRIES_LISTED_PER_KIND, set.toString());
        assertTrue(statement.at("/evidence/entries").size() < 1_000, statement.at("/evidence/entries").size() + " items");
        assertEquals(List.of(), StatementRecomputer.recompute(statement, evidence));
    }

    @Test
    void recompute_namesTheEntrySet_whenABatchIsLeftOutOfTheEvidence() throws Exception {
        EvidenceRecord dropped = evidence.stream().filter(e -> e.kind().equals("meter-reading-batch")
                && e.record().path("meterId").asString("").startsWith("press-1")).findFirst().orElseThrow();
        List<String> paths = StatementRecomputer.recompute(statement, evidence.stream().filter(e -> e != dropped).toList())
                .stream().map(FigureDifference::path).toList();
        assertTrue(paths.stream().anyMatch(p -> p.matches("evidence\\.entries\\[\\d+]\\.entries\\.count")), paths.toString());
        assertTrue(paths.stream().anyMatch(p -> p.matches("evidence\\.entries\\[\\d+]\\.entries\\.leafHashesSha256")), paths.toString());
        assertTrue(paths.stream().anyMatch(p -> p.endsWith(".entries.leafIndexes")), paths.toString());
    }
}
