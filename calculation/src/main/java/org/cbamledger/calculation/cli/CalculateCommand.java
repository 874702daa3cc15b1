package org.cbamledger.calculation.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.CalculationRequest;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.scenario.ElectricityScenarioFiles;
import org.cbamledger.calculation.rules.RuleOverride;
import org.cbamledger.calculation.rules.UserRuleData;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioException;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import org.cbamledger.calculation.scenario.UnloggedEvidence;
import org.cbamledger.calculation.statement.EmissionsStatements;
import org.cbamledger.calculation.statement.StatementIssue;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.signer.SignerException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ./cbam calculate SCENARIO_DIR [--json] [--rule-set ID] [--rule-data FILE]}: the engine on a scenario
 * directory without the service, a plant engineer's what-if. It builds the statement the demo would issue (same
 * figures; leaf indexes are positions, as nothing is logged) and prints its figures, or the statement as JSON.
 */
public final class CalculateCommand {
    static final String USAGE = """
            usage: ./cbam calculate SCENARIO_DIR [--json] [--rule-set ID] [--rule-data USER_RULE_DATA]
            The user's rule data (./cbam rules add-price) is applied when present:
            $CBAM_RULE_DATA, else $CBAM_HOME/var/rule-data/user-rules.json.""";
    private static final ObjectWriter PRETTY = JsonMappers.PLAIN.writerWithDefaultPrettyPrinter();

    private CalculateCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Exit status: 0 calculated, 1 the scenario or the calculation was refused (the reason on {@code err}), 2 usage. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args, 1, List.of("--rule-set", "--rule-data"), List.of("--json"));
        } catch (IllegalArgumentException e) {
            err.println("cbam calculate: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options.positional().size() != 1) {
            err.println(USAGE);
            return 2;
        }
        Path directory = Path.of(options.positional().getFirst());
        try {
            if (!Files.isDirectory(directory)) {
                throw new ScenarioException(directory + " is not a scenario directory");
            }
            Path ruleData = options.value("--rule-data").map(Path::of).orElseGet(UserRuleData::defaultLocation);
            ObjectNode statement = statement(ScenarioLoader.load(directory), directory, options.value("--rule-set"),
                    UserRuleData.read(ruleData), err);
            if (options.flag("--json")) {
                out.println(PRETTY.writeValueAsString(statement));
            } else {
                StatementText.print(statement, out);
            }
            return 0;
        } catch (ScenarioException | CalculationException | SignerException | IllegalArgumentException e) {
            err.println("cbam calculate: " + e.getMessage());
            return 1;
        }
    }

    /** The statement of the scenario's calculation, unsigned and not bound to a checkpoint. */
    static ObjectNode statement(Path directory, java.util.Optional<String> ruleSetId, List<RuleOverride> userRuleData)
            throws ScenarioException, CalculationException, SignerException {
        return statement(ScenarioLoader.load(directory), directory, ruleSetId, userRuleData, System.err);
    }

    private static ObjectNode statement(Scenario scenario, Path directory, java.util.Optional<String> ruleSetId,
            List<RuleOverride> userRuleData, PrintStream err) throws ScenarioException, CalculationException, SignerException {
        scenario.deprecations().forEach(d -> err.println("cbam calculate: deprecated: " + d));
        List<JsonNode> records = new ArrayList<>();
        for (ScenarioRecord record : scenario.records()) {
            records.add(record.record());
        }
        for (ScenarioRecord record : ElectricityScenarioFiles.load(directory, scenario)) {
            records.add(record.record());
        }
        CalculationRequest asked = scenario.request(UnloggedEvidence.of(records), ruleSetId.orElse(scenario.ruleSetId()));
        List<RuleOverride> overrides = new ArrayList<>(asked.ruleOverrides());
        overrides.addAll(userRuleData);
        CalculationResult result = EmissionsCalculator.calculate(new CalculationRequest(asked.installation(), asked.period(),
                asked.cnCode(), asked.ruleSetId(), overrides, asked.parameters(), asked.evidence()));
        StatementIssue issue = new StatementIssue("preview-" + scenario.installation().installationId().toLowerCase(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), scenario.statementIssuer(), scenario.statementRecipient());
        return EmissionsStatements.build(result, issue);
    }
}
