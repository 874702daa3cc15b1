package org.cbamledger.calculation.statement;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.cbamledger.calculation.CalculationException;
import tools.jackson.databind.JsonNode;

/**
 * A PDF of a signed emissions statement for people: every figure, how it was computed, and the evidence (leaf
 * index and hash, record field) or rule (key and citation) behind each input. Reads the statement JSON only, so
 * the service and the verifier render the same document.
 */
public final class StatementPdfRenderer {
    private StatementPdfRenderer() {}

    public static byte[] render(JsonNode statement) throws CalculationException {
        try (PdfTextLayout pdf = new PdfTextLayout()) {
            pdf.heading("CBAM emissions statement");
            pdf.line("Statement " + text(statement, "/issued/statementId") + ", issued " + text(statement, "/issued/issuedAt")
                    + " by " + text(statement, "/issued/issuer") + " to " + text(statement, "/issued/recipient"));
            pdf.line("Installation: " + text(statement, "/installation/name") + " (" + text(statement, "/installation/installationId")
                    + ", " + text(statement, "/installation/countryCode") + ")");
            pdf.line("Period: " + text(statement, "/period/from") + " to " + text(statement, "/period/to")
                    + "    CN code: " + text(statement, "/cnCode") + "    Output: " + text(statement, "/tonnes")
                    + " t, of which for the EU: " + text(statement, "/tonnesEu") + " t");
            pdf.line("Rule set: " + text(statement, "/ruleSet/id") + " version " + text(statement, "/ruleSet/version")
                    + ", charged on " + text(statement, "/ruleSet/chargedBasis") + " emissions ("
                    + text(statement, "/ruleSet/chargedBasisCitation") + ")");
            pdf.line("Rule set SHA-256: " + text(statement, "/ruleSet/sha256") + "    Method: " + text(statement, "/methodVersion"));
            for (JsonNode override : statement.at("/ruleSet/overrides")) {
                pdf.line("User override: " + text(override, "/key") + " = " + text(override, "/value") + " " + text(override, "/unit")
                        + " (was " + text(override, "/previousValue") + "; " + text(override, "/citation") + "; reason: "
                        + text(override, "/reason") + "; file " + text(override, "/source") + ")");
            }
            pdf.line("Rounding: " + text(statement, "/presentation/id") + ", half up; t CO2 to 3 decimals, t CO2/t to 6, EUR to 2."
                    + " Exact values are in the derivation.");

            pdf.heading("Embedded emissions");
            figure(pdf, statement, "Direct emissions of the installation", "/emissions/installationDirectTco2", "t CO2", "emissions.installationDirectTco2");
            figure(pdf, statement, "Indirect emissions of the installation", "/emissions/installationIndirectTco2", "t CO2", "emissions.installationIndirectTco2");
            figure(pdf, statement, "Direct emissions of precursors", "/emissions/precursorDirectTco2", "t CO2", "emissions.precursorDirectTco2");
            figure(pdf, statement, "Indirect emissions of precursors", "/emissions/precursorIndirectTco2", "t CO2", "emissions.precursorIndirectTco2");
            figure(pdf, statement, "Direct emissions", "/emissions/directTco2", "t CO2", "emissions.directTco2");
            figure(pdf, statement, "Indirect emissions", "/emissions/indirectTco2", "t CO2", "emissions.indirectTco2");
            figure(pdf, statement, "Total emissions", "/emissions/totalTco2", "t CO2", "emissions.totalTco2");
            if (!statement.at("/emissions/precursorSharePercent").isMissingNode()) {
                figure(pdf, statement, "Share from precursors", "/emissions/precursorSharePercent", "%", "emissions.precursorSharePercent");
            }
            figure(pdf, statement, "Specific direct embedded emissions", "/specific/directTco2PerTonne", "t CO2/t", "specific.directTco2PerTonne");
            figure(pdf, statement, "Specific indirect embedded emissions", "/specific/indirectTco2PerTonne", "t CO2/t", "specific.indirectTco2PerTonne");
            figure(pdf, statement, "Specific total embedded emissions", "/specific/totalTco2PerTonne", "t CO2/t", "specific.totalTco2PerTonne");
            figure(pdf, statement, "Specific emissions charged", "/specific/chargedTco2PerTonne", "t CO2/t", "specific.chargedTco2PerTonne");
            for (JsonNode precursor : statement.path("precursors")) {
                pdf.line("Precursor " + text(precursor, "/cnCode") + " from " + text(precursor, "/supplierInstallationId")
                        + " (origin " + text(precursor, "/countryOfOrigin") + ", " + text(precursor, "/source") + "): "
                        + text(precursor, "/massTonnes") + " t, direct " + text(precursor, "/directTco2") + " t CO2, indirect "
                        + text(precursor, "/indirectTco2") + " t CO2");
            }

            pdf.heading("Certificate cost");
            figure(pdf, statement, "Default value with mark-up", "/defaultRoute/valueWithMarkupTco2PerTonne", "t CO2/t",
                    "defaultRoute.valueWithMarkupTco2PerTonne");
            JsonNode notComputable = statement.at("/cost/notComputable");
            if (notComputable.isString()) {
                pdf.line("Certificate price period " + text(statement, "/cost/certificatePricePeriod") + ": cost "
                        + notComputable.asString());
            } else {
                pdf.line("Certificate price " + text(statement, "/cost/certificatePriceEur") + " EUR (" + text(statement, "/cost/certificatePricePeriod")
                        + "), CBAM factor " + text(statement, "/cost/cbamFactor") + ", benchmark actual route "
                        + text(statement, "/cost/benchmarkActualTco2PerTonne") + " t/t, default route "
                        + text(statement, "/cost/benchmarkDefaultTco2PerTonne") + " t/t, carbon price paid abroad "
                        + text(statement, "/cost/carbonPricePaidAbroadEur") + " EUR");
                figure(pdf, statement, "Certificates, actual route", "/cost/certificatesActual", "t CO2e", "cost.actual.certificates");
                figure(pdf, statement, "Certificates, default route", "/cost/certificatesDefault", "t CO2e", "cost.default.certificates");
                figure(pdf, statement, "Cost, actual emissions", "/cost/actualEur", "EUR", "cost.actualEur");
                figure(pdf, statement, "Cost, default values", "/cost/defaultEur", "EUR", "cost.defaultEur");
                figure(pdf, statement, "Saving by proof of actual emissions", "/cost/savingEur", "EUR", "cost.savingEur");
            }

            pdf.heading("How each figure was computed");
            pdf.line("Each figure is the operation of its inputs; an input is another figure, a field of a ledger entry"
                    + " (leaf index, leaf hash, JSON Pointer into the record), a rule-set value with its citation, a parameter or a constant.");
            for (JsonNode figure : statement.at("/evidence/figures")) {
                pdf.space(2);
                pdf.strong(text(figure, "/id") + " = " + text(figure, "/value") + " " + text(figure, "/unit")
                        + "   (" + text(figure, "/operation") + " of)");
                for (JsonNode input : figure.path("inputs")) {
                    pdf.indented(describe(input));
                }
            }

            pdf.heading("Evidence");
            for (JsonNode entry : statement.at("/evidence/entries")) {
                pdf.line("leaf " + text(entry, "/leafIndex") + "  " + text(entry, "/kind") + "  sha256 " + text(entry, "/leafHash"));
            }
            JsonNode checkpoint = statement.path("checkpoint");
            pdf.heading("Checkpoint");
            if (checkpoint.isNull() || checkpoint.isMissingNode()) {
                pdf.line("not yet bound to a log checkpoint");
            } else {
                for (String line : (checkpoint.isString() ? checkpoint.asString() : checkpoint.toString()).split("\n")) {
                    pdf.line(line);
                }
            }
            List<String> notes = new ArrayList<>();
            statement.path("notes").forEach(n -> notes.add(n.asString()));
            if (!notes.isEmpty()) {
                pdf.heading("Notes and gaps");
                for (String note : notes) {
                    pdf.line(note);
                }
            }
            return pdf.toPdf();
        } catch (IOException e) {
            throw new CalculationException("cannot render the statement PDF: " + e.getMessage(), e);
        }
    }

    private static void figure(PdfTextLayout pdf, JsonNode statement, String label, String pointer, String unit, String figureId)
            throws IOException {
        pdf.line(label + ": " + text(statement, pointer) + " " + unit + "    [figure " + figureId + "]");
    }

    private static String describe(JsonNode input) {
        String value = text(input, "/value");
        if (input.has("figure")) {
            return "figure " + text(input, "/figure") + " = " + value;
        }
        if (input.has("evidence")) {
            return "evidence leaf " + text(input, "/evidence/leafIndex") + " (" + text(input, "/evidence/kind") + ", sha256 "
                    + text(input, "/evidence/leafHash") + ") field " + text(input, "/evidence/path") + " = " + value;
        }
        if (input.has("entry")) {
            return "evidence leaf " + text(input, "/entry/leafIndex") + " (" + text(input, "/entry/kind") + ", sha256 "
                    + text(input, "/entry/leafHash") + "), sum of " + text(input, "/entry/fields") + " fields = " + value;
        }
        if (input.has("rule")) {
            return "rule " + text(input, "/rule/key") + " = " + value + " " + text(input, "/rule/unit") + " of rule set "
                    + text(input, "/rule/ruleSet") + " (" + text(input, "/rule/status") + "): " + text(input, "/rule/citation");
        }
        if (input.has("parameter")) {
            return "parameter " + text(input, "/parameter") + " = " + value;
        }
        return "constant " + value + " (" + text(input, "/constant") + ")";
    }

    private static String text(JsonNode node, String pointer) {
        JsonNode value = node.at(pointer);
        if (value.isMissingNode() || value.isNull()) {
            return "-";
        }
        if (value.isNumber()) { // statements carry decimal strings; a number is shown exactly too
            return org.cbamledger.calculation.Decimals.plain(org.cbamledger.calculation.Decimals.fromJson(value));
        }
        return value.isString() ? value.asString() : value.toString();
    }
}
