package org.cbamledger.verifier.check;

import java.util.ArrayList;
import java.util.List;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
import tools.jackson.databind.JsonNode;

/** A user's rule-set override changes what a figure rests on: each one is shown, never silently taken. */
final class RuleOverrideWarnings {
    private RuleOverrideWarnings() {}

    static List<CheckResult> of(String check, String subject, JsonNode statementOrCalculation) {
        List<CheckResult> warnings = new ArrayList<>();
        JsonNode ruleSet = statementOrCalculation.path("ruleSet");
        for (JsonNode override : ruleSet.path("overrides")) {
            JsonNode previous = override.path("previousValue");
            warnings.add(new CheckResult(check, subject, CheckStatus.WARNING, "rule set "
                    + ruleSet.path("id").asString("?") + " overridden: " + override.path("key").asString("?") + " = "
                    + text(override.path("value")) + " " + override.path("unit").asString("")
                    + " (was " + (previous.isString() ? previous.asString() : "not set") + "; "
                    + override.path("citation").asString("no citation") + "; reason: "
                    + override.path("reason").asString("none") + "; from " + override.path("source").asString("?") + ")"));
        }
        return warnings;
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : node.toString();
    }
}
