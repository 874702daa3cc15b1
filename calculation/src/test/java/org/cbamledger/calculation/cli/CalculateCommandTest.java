package org.cbamledger.calculation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.TestEvidence;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.calculation.statement.EmissionsStatements;
import org.cbamledger.calculation.statement.StatementIssue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code ./cbam calculate} prints the statement's own figures, and a missing price until the user adds it. */
class CalculateCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Run(int status, String out, String err) {}

    static Run run(Path ruleData, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = Stream.concat(Stream.of(args), Stream.of("--rule-data", ruleData.toString())).toArray(String[]::new);
        int status = CalculateCommand.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void json_isTheStatementOfTheScenarioFigureByFigure(@TempDir Path dir) throws Exception {
        Run run = run(dir.resolve("none.json"), TestEvidence.WORKED_EXAMPLE.toString(), "--json");
        assertEquals(0, run.status(), run.err());
        JsonNode printed = JSON.readTree(run.out());
        Scenario scenario = ScenarioLoader.load(TestEvidence.WORKED_EXAMPLE);
        CalculationResult result = EmissionsCalculator.calculate(scenario.request(TestEvidence.of(scenario)));
        ObjectNode expected = EmissionsStatements.build(result, StatementIssue.fromJson(printed.path("issued")));
        assertEquals(JSON.readTree(JSON.writeValueAsString(expected)), printed);
        assertEquals("400888.82", printed.at("/cost/defaultEur").asString());
    }

    @Test
    void text_showsTheHeadlineFigures(@TempDir Path dir) {
        Run run = run(dir.resolve("none.json"), TestEvidence.WORKED_EXAMPLE.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("direct 158.202, indirect 272.36, total 430.562, share from precursors 77.59 %"), run.out());
        assertTrue(run.out().contains("actual EUR 23630.03, default values EUR 400888.82, saving by proof EUR 377258.79"), run.out());
        assertTrue(run.out().contains("aluminium (Annex IV): pre-consumer scrap 0 %; elements other than aluminium 1.22 %"), run.out());
    }

    @Test
    void unpublishedPrice_isNotComputableUntilTheUserAddsIt(@TempDir Path dir) throws Exception {
        Path scenario = ScenarioCopies.copy(TestEvidence.WORKED_EXAMPLE, dir.resolve("q2"));
        Path json = scenario.resolve("scenario.json");
        Files.writeString(json, Files.readString(json).replace("\"2026-Q1\"", "\"2026-Q2\""));
        Path ruleData = dir.resolve("user-rules.json");
        Run before = run(ruleData, scenario.toString());
        assertEquals(0, before.status(), before.err());
        assertTrue(before.out().contains("cost (2026-Q2): not computable: no certificate price for period 2026-Q2"), before.out());
        assertTrue(before.out().contains("total 430.562"), before.out());

        assertEquals(0, RulesCommandTest.rules("add-price", "--period", "2026-Q2", "--eur", "71.10", "--citation",
                "Commission publication of 2026-07-06 (test)", "--file", ruleData.toString()).status());
        Run after = run(ruleData, scenario.toString(), "--json");
        assertEquals(0, after.status(), after.err());
        JsonNode statement = JSON.readTree(after.out());
        assertEquals("71.1", statement.at("/cost/certificatePriceEur").asString());
        assertEquals("certificatePrice.2026-Q2", statement.at("/ruleSet/overrides/0/key").asString());
    }

    @Test
    void notADirectory_isRefusedWithTheReason(@TempDir Path dir) {
        Run run = run(dir.resolve("none.json"), dir.resolve("missing").toString());
        assertEquals(1, run.status());
        assertTrue(run.err().contains("is not a scenario directory"), run.err());
        assertEquals(2, run(dir.resolve("none.json"), "--bogus").status());
    }
}
