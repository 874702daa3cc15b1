package org.cbamledger.calculation.statement;

import static org.cbamledger.calculation.statement.StatementText.text;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.core.FigureIds;
import tools.jackson.databind.JsonNode;

/**
 * A PDF of a signed emissions statement for people. Page 1 is the summary a buyer reads in a minute
 * ({@link StatementFirstPage}); then the figures as tables, the monthly electricity chart where the statement has an
 * electricity ledger, the rule set and the notes; then, as an annex, how each figure was computed and the evidence
 * (leaf index and hash, record field) or rule (key and citation) behind each input. Reads the statement JSON only
 * (never {@code renderings}), so the service and the verifier render the same bytes.
 */
public final class StatementPdfRenderer {
    private static final float[] FIGURE_COLUMNS = {0, 215, 330};

    private StatementPdfRenderer() {}

    public static byte[] render(JsonNode statement) throws CalculationException {
        try (PdfTextLayout pdf = new PdfTextLayout()) {
            StatementFirstPage.write(pdf, statement);
            pdf.pageBreak();
            emissionTables(pdf, statement);
            costTable(pdf, statement);
            electricityChart(pdf, statement);
            ruleSet(pdf, statement);
            notes(pdf, statement);
            pdf.pageBreak();
            derivationAnnex(pdf, statement);
            evidenceAnnex(pdf, statement);
            PdfA3.apply(pdf.document(), "CBAM emissions statement " + text(statement, "/issued/statementId"),
                    StatementCheck.content(statement), PdfA3.calendar(text(statement, "/issued/issuedAt")));
            return pdf.toPdf();
        } catch (IOException e) {
            throw new CalculationException("cannot render the statement PDF: " + e.getMessage(), e);
        }
    }

    private static void emissionTables(PdfTextLayout pdf, JsonNode statement) throws IOException {
        pdf.heading("Embedded emissions");
        pdf.row(FIGURE_COLUMNS, List.of("Figure", "Value", "Figure id (derivation in the annex)"), true);
        figure(pdf, statement, "Direct, installation", "/emissions/installationDirectTco2", "t CO2", "emissions.installationDirectTco2");
        figure(pdf, statement, "Indirect, installation", "/emissions/installationIndirectTco2", "t CO2", "emissions.installationIndirectTco2");
        figure(pdf, statement, "Direct, precursors", "/emissions/precursorDirectTco2", "t CO2", "emissions.precursorDirectTco2");
        figure(pdf, statement, "Indirect, precursors", "/emissions/precursorIndirectTco2", "t CO2", "emissions.precursorIndirectTco2");
        figure(pdf, statement, "Direct emissions", "/emissions/directTco2", "t CO2", "emissions.directTco2");
        figure(pdf, statement, "Indirect emissions", "/emissions/indirectTco2", "t CO2", "emissions.indirectTco2");
        figure(pdf, statement, "Total emissions", "/emissions/totalTco2", "t CO2", "emissions.totalTco2");
        if (!statement.at("/emissions/precursorSharePercent").isMissingNode()) {
            figure(pdf, statement, "Share from precursors", "/emissions/precursorSharePercent", "%", "emissions.precursorSharePercent");
        }
        figure(pdf, statement, "Specific direct", "/specific/directTco2PerTonne", "t CO2/t", "specific.directTco2PerTonne");
        figure(pdf, statement, "Specific indirect", "/specific/indirectTco2PerTonne", "t CO2/t", "specific.indirectTco2PerTonne");
        figure(pdf, statement, "Specific total", "/specific/totalTco2PerTonne", "t CO2/t", "specific.totalTco2PerTonne");
        figure(pdf, statement, "Specific, charged", "/specific/chargedTco2PerTonne", "t CO2/t", "specific.chargedTco2PerTonne");
        figure(pdf, statement, "Default value with mark-up", "/defaultRoute/valueWithMarkupTco2PerTonne", "t CO2/t",
                "defaultRoute.valueWithMarkupTco2PerTonne");
        aluminiumParameters(pdf, statement.path("aluminium"));
        if (!statement.path("precursors").isEmpty()) {
            pdf.heading("Precursors");
            for (JsonNode precursor : statement.path("precursors")) {
                pdf.line(text(precursor, "/cnCode") + " from " + text(precursor, "/supplierInstallationId") + " (origin "
                        + text(precursor, "/countryOfOrigin") + ", " + text(precursor, "/source") + "): "
                        + text(precursor, "/massTonnes") + " t, direct " + text(precursor, "/directTco2") + " t CO2, indirect "
                        + text(precursor, "/indirectTco2") + " t CO2");
            }
        }
    }

    /** IR 2025/2547 Annex IV: each parameter as a figure, or why it is not computable; nothing for older records. */
    private static void aluminiumParameters(PdfTextLayout pdf, JsonNode aluminium) throws IOException {
        if (aluminium.isMissingNode()) {
            return;
        }
        parameter(pdf, aluminium, "Pre-consumer scrap in scrap used", "preConsumerScrap", FigureIds.ALUMINIUM_PRE_CONSUMER_SCRAP_PERCENT);
        parameter(pdf, aluminium, "Elements other than aluminium", "otherElements", FigureIds.ALUMINIUM_OTHER_ELEMENTS_PERCENT);
    }

    private static void parameter(PdfTextLayout pdf, JsonNode aluminium, String label, String member, String figureId) throws IOException {
        JsonNode percent = aluminium.path(member + "Percent");
        if (percent.isMissingNode()) {
            pdf.line(label + ": " + text(aluminium, "/" + member + "NotComputable")); // a reason may be long: a line wraps
        } else {
            pdf.row(FIGURE_COLUMNS, List.of(label, percent.asString() + " %", figureId), false);
        }
    }

    private static void costTable(PdfTextLayout pdf, JsonNode statement) throws IOException {
        pdf.heading("Certificate cost");
        JsonNode notComputable = statement.at("/cost/notComputable");
        if (notComputable.isString()) {
            pdf.line("Certificate price period " + text(statement, "/cost/certificatePricePeriod") + ": cost " + notComputable.asString());
            return;
        }
        pdf.line("Certificate price " + text(statement, "/cost/certificatePriceEur") + " EUR (" + text(statement, "/cost/certificatePricePeriod")
                + "), CBAM factor " + text(statement, "/cost/cbamFactor") + ", benchmark actual route "
                + text(statement, "/cost/benchmarkActualTco2PerTonne") + " t/t, default route "
                + text(statement, "/cost/benchmarkDefaultTco2PerTonne") + " t/t, carbon price paid abroad "
                + text(statement, "/cost/carbonPricePaidAbroadEur") + " EUR");
        figure(pdf, statement, "Certificates, actual route", "/cost/certificatesActual", "t CO2e", "cost.actual.certificates");
        figure(pdf, statement, "Certificates, default route", "/cost/certificatesDefault", "t CO2e", "cost.default.certificates");
        figure(pdf, statement, "Cost, actual emissions", "/cost/actualEur", "EUR", "cost.actualEur");
        figure(pdf, statement, "Cost, default values", "/cost/defaultEur", "EUR", "cost.defaultEur");
        figure(pdf, statement, "Saving by actual emissions", "/cost/savingEur", "EUR", "cost.savingEur");
    }

    private static void electricityChart(PdfTextLayout pdf, JsonNode statement) throws IOException {
        Map<String, Map<String, BigDecimal>> months = MonthlyElectricityChart.monthlyMwh(statement);
        if (!months.isEmpty()) {
            pdf.heading("Electricity by month and class (MWh)");
            MonthlyElectricityChart.draw(pdf, months);
        }
    }

    private static void ruleSet(PdfTextLayout pdf, JsonNode statement) throws IOException {
        pdf.heading("Rule set and rounding");
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
    }

    private static void notes(PdfTextLayout pdf, JsonNode statement) throws IOException {
        if (statement.path("notes").isEmpty()) {
            return;
        }
        pdf.heading("Notes and gaps");
        for (JsonNode note : statement.path("notes")) {
            pdf.line(note.asString());
        }
    }

    private static void derivationAnnex(PdfTextLayout pdf, JsonNode statement) throws IOException {
        pdf.heading("Annex: how each figure was computed");
        pdf.line("Each figure is the operation of its inputs; an input is another figure, a field of a ledger entry"
                + " (leaf index and JSON Pointer into the record; the leaf hashes are in the evidence annex), a rule-set value with"
                + " its citation, a parameter or a constant.");
        for (JsonNode figure : statement.at("/evidence/figures")) {
            pdf.space(2);
            pdf.strong(text(figure, "/id") + " = " + text(figure, "/value") + " " + text(figure, "/unit")
                    + "   (" + text(figure, "/operation") + " of)");
            for (JsonNode input : figure.path("inputs")) {
                pdf.indented(describe(input));
            }
        }
    }

    private static void evidenceAnnex(PdfTextLayout pdf, JsonNode statement) throws IOException {
        pdf.heading("Annex: evidence entries");
        for (JsonNode entry : statement.at("/evidence/entries")) {
            pdf.line(entry.has("entries") ? "leaves " + entrySet(entry.get("entries"))
                    : "leaf " + text(entry, "/leafIndex") + "  " + text(entry, "/kind") + "  sha256 " + text(entry, "/leafHash"));
        }
        JsonNode checkpoint = statement.path("checkpoint");
        pdf.heading("Annex: checkpoint");
        if (!checkpoint.isString()) {
            pdf.line("not yet bound to a log checkpoint");
            return;
        }
        for (String line : checkpoint.asString().split("\n")) {
            pdf.line(line);
        }
    }

    private static void figure(PdfTextLayout pdf, JsonNode statement, String label, String pointer, String unit, String figureId)
            throws IOException {
        pdf.row(FIGURE_COLUMNS, List.of(label, text(statement, pointer) + " " + unit, figureId), false);
    }

    private static String describe(JsonNode input) {
        String value = text(input, "/value");
        if (input.has("figure")) {
            return "figure " + text(input, "/figure") + " = " + value;
        }
        if (input.has("evidence")) {
            // the leaf's hash is listed once, in the evidence annex, not on each of the (thousands of) input lines
            return "evidence leaf " + text(input, "/evidence/leafIndex") + " (" + text(input, "/evidence/kind") + ") field "
                    + text(input, "/evidence/path") + " = " + value;
        }
        if (input.has("entry")) {
            return "evidence leaf " + text(input, "/entry/leafIndex") + " (" + text(input, "/entry/kind") + ", sha256 "
                    + text(input, "/entry/leafHash") + "), sum of " + text(input, "/entry/fields") + " fields = " + value;
        }
        if (input.has("entries")) {
            return "evidence leaves " + entrySet(input.get("entries")) + ", sum of " + text(input, "/entries/fields") + " fields = " + value;
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

    /** An entry set (EntrySet): its leaf index runs, count, kind and the SHA-256 of its leaf hashes. */
    private static String entrySet(JsonNode set) {
        return text(set, "/leafIndexes") + " (" + text(set, "/count") + " entries, " + text(set, "/kind")
                + ", sha256 of their leaf hashes " + text(set, "/leafHashesSha256") + ")";
    }
}
