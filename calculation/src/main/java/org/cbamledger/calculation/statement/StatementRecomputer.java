package org.cbamledger.calculation.statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.core.CalculationParameters;
import org.cbamledger.calculation.CalculationRequest;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.core.Decimals;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.core.Installation;
import org.cbamledger.calculation.core.ReportingPeriod;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.rules.RuleOverride;
import org.cbamledger.calculation.rules.RuleSets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Recomputes a statement from evidence and names every figure that differs. The request is read from the statement
 * itself (installation, period, CN code, rule set with its overrides, parameters); {@code issued},
 * {@code checkpoint} and {@code renderings} (checked against the files, not recomputed) are taken over as stated, everything else must match figure by figure.
 */
public final class StatementRecomputer {
    private StatementRecomputer() {}

    public static List<FigureDifference> recompute(JsonNode statement, List<EvidenceRecord> evidence) throws CalculationException {
        return recompute(statement, EmissionsCalculator.calculate(requestOf(statement, evidence)));
    }

    /** {@link #recompute(JsonNode, List)} with the calculation of {@link #requestOf} already run (a verifier shares it). */
    public static List<FigureDifference> recompute(JsonNode statement, CalculationResult result) throws CalculationException {
        ObjectNode rebuilt = EmissionsStatements.build(result, StatementIssue.fromJson(statement.path("issued")));
        rebuilt.set("checkpoint", statement.path("checkpoint").deepCopy());
        if (isFormatV1(statement)) {
            // this build's trace names entry sets where v1 named each entry: the v1 trace cannot be rebuilt here, so
            // it is taken as stated (the verifier says so); every presented figure is still compared
            rebuilt.put("format", EmissionsStatements.FORMAT_V1);
            rebuilt.set("evidence", statement.path("evidence").deepCopy());
        }
        if (statement.has("renderings")) {
            rebuilt.set("renderings", statement.get("renderings").deepCopy());
        }
        List<FigureDifference> differences = new ArrayList<>();
        compare("", statement, rebuilt, differences);
        return differences;
    }

    /** A statement of format v1, whose trace {@link #recompute} takes as stated. */
    public static boolean isFormatV1(JsonNode statement) {
        return EmissionsStatements.FORMAT_V1.equals(statement.path("format").asString(""));
    }

    /**
     * Recomputes a {@code calculation} record ({@link CalculationRecords}) and names every member that differs:
     * the inputs, each output, and the digest of the whole result with its trace.
     */
    public static List<FigureDifference> recomputeCalculation(JsonNode calculation, List<EvidenceRecord> evidence)
            throws CalculationException {
        if (!CalculationRecords.KIND.equals(calculation.path("kind").asString(""))) {
            throw new CalculationException("calculation: /kind must be " + CalculationRecords.KIND);
        }
        return recomputeCalculation(calculation, EmissionsCalculator.calculate(requestOf(calculation, evidence)));
    }

    /** {@link #recomputeCalculation(JsonNode, List)} with the calculation of {@link #requestOf} already run. */
    public static List<FigureDifference> recomputeCalculation(JsonNode calculation, CalculationResult result)
            throws CalculationException {
        ObjectNode rebuilt = CalculationRecords.build(result, calculation.path("calculationId").asString(""));
        List<FigureDifference> differences = new ArrayList<>();
        compare("", calculation, rebuilt, differences);
        return differences;
    }

    /** The calculation request a statement or a calculation record carries. */
    public static CalculationRequest requestOf(JsonNode statement, List<EvidenceRecord> evidence) throws CalculationException {
        String kind = statement.path("kind").asString("");
        if (!EmissionsStatements.KIND.equals(kind) && !CalculationRecords.KIND.equals(kind)) {
            throw new CalculationException("statement: /kind must be " + EmissionsStatements.KIND + " or " + CalculationRecords.KIND);
        }
        List<RuleOverride> overrides = new ArrayList<>();
        for (JsonNode override : statement.path("ruleSet").path("overrides")) {
            overrides.add(RuleSets.overrideFromJson(override));
        }
        try {
            return new CalculationRequest(
                    new Installation(
                            text(statement, "/installation/installationId"),
                            text(statement, "/installation/name"),
                            text(statement, "/installation/countryCode")),
                    new ReportingPeriod(
                            LocalDate.parse(text(statement, "/period/from")),
                            LocalDate.parse(text(statement, "/period/to"))),
                    text(statement, "/cnCode"),
                    text(statement, "/ruleSet/id"),
                    overrides,
                    new CalculationParameters(
                            text(statement, "/parameters/certificatePricePeriod"),
                            number(statement, "/parameters/carbonPricePaidAbroadEur")),
                    evidence);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new CalculationException("statement: " + e.getMessage(), e);
        }
    }

    private static void compare(String path, JsonNode stated, JsonNode recomputed, List<FigureDifference> out) {
        if (stated.isObject() && recomputed.isObject()) {
            Set<String> names = new TreeSet<>(stated.propertyNames());
            names.addAll(recomputed.propertyNames());
            for (String name : names) {
                compare(path.isEmpty() ? name : path + "." + name, stated.path(name), recomputed.path(name), out);
            }
        } else if (stated.isArray() && recomputed.isArray()) {
            for (int i = 0; i < Math.max(stated.size(), recomputed.size()); i++) {
                compare(path + "[" + i + "]", stated.path(i), recomputed.path(i), out);
            }
        } else if (!same(stated, recomputed)) {
            out.add(new FigureDifference(path, show(stated), show(recomputed)));
        }
    }

    /** Decimal strings compare as written; JSON numbers (leaf indexes) by value, whatever their node type. */
    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return Decimals.fromJson(a).compareTo(Decimals.fromJson(b)) == 0;
        }
        return a.equals(b);
    }

    private static String show(JsonNode node) {
        if (node.isMissingNode()) {
            return null;
        }
        return node.isString() ? node.asString() : node.toString();
    }

    private static String text(JsonNode statement, String pointer) throws CalculationException {
        JsonNode node = statement.at(pointer);
        if (!node.isString()) {
            throw new CalculationException("statement: " + pointer + " must be a string");
        }
        return node.asString();
    }

    private static BigDecimal number(JsonNode statement, String pointer) throws CalculationException {
        JsonNode node = statement.at(pointer);
        if (!Decimals.isDecimal(node)) {
            throw new CalculationException("statement: " + pointer + " must be a decimal");
        }
        return Decimals.fromJson(node);
    }
}
