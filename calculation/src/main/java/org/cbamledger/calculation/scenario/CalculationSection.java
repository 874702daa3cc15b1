package org.cbamledger.calculation.scenario;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.core.CalculationParameters;
import org.cbamledger.calculation.core.Decimals;
import org.cbamledger.calculation.core.ReportingPeriod;
import org.cbamledger.calculation.rules.RuleSets;
import tools.jackson.databind.JsonNode;

/** The {@code calculation} member of scenario.json: period, good, rule set (checked to load) and parameters. */
record CalculationSection(ReportingPeriod period, String cnCode, String ruleSetId, Optional<Path> ruleOverridesFile,
        CalculationParameters parameters) {
    private static final Pattern GOOD_CN = Pattern.compile("[0-9]{8}");
    private static final String WHERE = "scenario.json: calculation.";

    static CalculationSection read(JsonNode root, Path directory) throws ScenarioException {
        JsonNode calc = ScenarioJson.object(root, "calculation", "scenario.json: ");
        ScenarioJson.strictMembers(calc, WHERE, "periodFrom", "periodTo", "cnCode", "ruleSet", "ruleSetOverrides",
                "certificatePricePeriod", "carbonPricePaidAbroadEur");
        ReportingPeriod period = period(calc);
        String cnCode = cnCode(calc);
        String ruleSetId = ScenarioJson.string(calc, "ruleSet", WHERE);
        return new CalculationSection(period, cnCode, ruleSetId, ruleOverrides(calc, directory, ruleSetId), parameters(calc));
    }

    private static ReportingPeriod period(JsonNode calc) throws ScenarioException {
        try {
            return new ReportingPeriod(ScenarioJson.date(calc, "periodFrom", WHERE), ScenarioJson.date(calc, "periodTo", WHERE));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(WHERE + "periodTo: " + e.getMessage(), e);
        }
    }

    private static String cnCode(JsonNode calc) throws ScenarioException {
        String written = ScenarioJson.string(calc, "cnCode", WHERE);
        String cnCode = written.replace(" ", "");
        if (!GOOD_CN.matcher(cnCode).matches()) {
            throw new ScenarioException(WHERE + "cnCode: '" + written + "' is not an 8-digit CN code");
        }
        return cnCode;
    }

    /** The override file, if any; the rule set is loaded once here so that a bad one fails the scenario, not the run. */
    private static Optional<Path> ruleOverrides(JsonNode calc, Path directory, String ruleSetId) throws ScenarioException {
        try {
            if (!calc.has("ruleSetOverrides")) {
                RuleSets.load(ruleSetId);
                return Optional.empty();
            }
            Path overrides = directory.resolve(ScenarioJson.string(calc, "ruleSetOverrides", WHERE));
            RuleSets.load(ruleSetId, RuleSets.readOverrides(overrides));
            return Optional.of(overrides);
        } catch (CalculationException e) {
            throw new ScenarioException(WHERE + "ruleSet: " + e.getMessage(), e);
        }
    }

    private static CalculationParameters parameters(JsonNode calc) throws ScenarioException {
        try {
            JsonNode paid = calc.path("carbonPricePaidAbroadEur");
            if (!paid.isMissingNode() && !Decimals.isDecimal(paid)) {
                throw new IllegalArgumentException("carbonPricePaidAbroadEur must be a decimal");
            }
            return new CalculationParameters(ScenarioJson.string(calc, "certificatePricePeriod", WHERE),
                    paid.isMissingNode() ? BigDecimal.ZERO : Decimals.fromJson(paid));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(WHERE + e.getMessage(), e);
        }
    }
}
