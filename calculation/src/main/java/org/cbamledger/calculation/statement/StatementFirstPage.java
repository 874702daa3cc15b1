package org.cbamledger.calculation.statement;

import static org.cbamledger.calculation.statement.StatementText.text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cbamledger.calculation.core.Amounts;
import org.cbamledger.calculation.core.CalculationException;
import tools.jackson.databind.JsonNode;

/**
 * Page 1 of the statement PDF, what a buyer reads in a minute: the product and period, its specific embedded
 * emissions, the cost on the actual route against the default route, what the evidence is, and how to check it
 * (with a QR code carrying the hashes).
 */
final class StatementFirstPage {
    static final String MATCHING_NOTE = "electricity matching: ";
    private static final float QR_SIZE_POINTS = 150;

    private StatementFirstPage() {}

    static void write(PdfTextLayout pdf, JsonNode statement) throws IOException, CalculationException {
        pdf.heading("CBAM emissions statement " + text(statement, "/issued/statementId"));
        pdf.line("Issued " + text(statement, "/issued/issuedAt") + " by " + text(statement, "/issued/issuer") + " to "
                + text(statement, "/issued/recipient"));
        pdf.line("Installation: " + text(statement, "/installation/name") + " (" + text(statement, "/installation/installationId")
                + ", " + text(statement, "/installation/countryCode") + ")");
        pdf.line("Period: " + text(statement, "/period/from") + " to " + text(statement, "/period/to"));
        pdf.line("CN code: " + text(statement, "/cnCode") + "    Output: " + text(statement, "/tonnes") + " t, of which for the EU: "
                + text(statement, "/tonnesEu") + " t");
        emissions(pdf, statement);
        cost(pdf, statement);
        evidence(pdf, statement);
        howToCheck(pdf, statement);
    }

    private static void emissions(PdfTextLayout pdf, JsonNode statement) throws IOException {
        pdf.heading("Specific embedded emissions (tCO2e per tonne of product)");
        pdf.line("Direct: " + text(statement, "/specific/directTco2PerTonne") + " tCO2e/t");
        pdf.line("Indirect: " + text(statement, "/specific/indirectTco2PerTonne") + " tCO2e/t");
        pdf.strong("Total: " + text(statement, "/specific/totalTco2PerTonne") + " tCO2e/t");
    }

    private static void cost(PdfTextLayout pdf, JsonNode statement) throws IOException {
        pdf.heading("CBAM certificate cost, period " + text(statement, "/cost/certificatePricePeriod"));
        JsonNode notComputable = statement.at("/cost/notComputable");
        if (notComputable.isString()) {
            pdf.line("Not computed: " + notComputable.asString());
            return;
        }
        pdf.strong("Actual route (these measured emissions): " + Amounts.eur(text(statement, "/cost/actualEur")));
        pdf.line("Default route (the Commission's default values with mark-up): " + Amounts.eur(text(statement, "/cost/defaultEur")));
        pdf.line("Saving by proof of actual emissions: " + Amounts.eur(text(statement, "/cost/savingEur")));
        pdf.line("At " + Amounts.eur(text(statement, "/cost/certificatePriceEur")) + " per certificate, CBAM factor "
                + text(statement, "/cost/cbamFactor") + "; the figures and their derivation follow on the next pages.");
    }

    private static void evidence(PdfTextLayout pdf, JsonNode statement) throws IOException {
        pdf.heading("Evidence");
        Map<String, Integer> kinds = new TreeMap<>();
        statement.at("/evidence/entries").forEach(e -> kinds.merge(text(e, "/kind"), 1, Integer::sum));
        List<String> counts = new ArrayList<>();
        kinds.forEach((kind, count) -> counts.add(count + " " + kind));
        pdf.line(statement.at("/evidence/entries").size() + " signed ledger entries: " + String.join(", ", counts) + ".");
        int others = 0;
        for (JsonNode note : statement.path("notes")) {
            if (note.asString().startsWith(MATCHING_NOTE)) {
                pdf.line("Electricity matching: " + note.asString().substring(MATCHING_NOTE.length()));
            } else {
                others++;
            }
        }
        pdf.line(others == 0 ? "No gaps or other notes." : others + " notes on gaps, defaults and fallbacks: see Notes.");
    }

    private static void howToCheck(PdfTextLayout pdf, JsonNode statement) throws IOException, CalculationException {
        StatementCheck check = StatementCheck.of(statement);
        pdf.heading("How to check it");
        pdf.line("Statement SHA-256 (of its RFC 8785 JSON without renderings):");
        pdf.indented(check.statementSha256());
        if (check.checkpoint().isEmpty()) {
            pdf.line("Checkpoint: not yet bound to a log checkpoint.");
        } else {
            pdf.line("Checkpoint: log " + check.checkpoint().get().origin() + ", size " + check.checkpoint().get().size()
                    + ", root " + check.rootHashBase64());
            pdf.line("Log key: " + (check.logKeys().isEmpty() ? "-" : String.join(", ", check.logKeys())));
            pdf.line("Witnesses: " + (check.witnesses().isEmpty() ? "none on this checkpoint" : String.join(", ", check.witnesses())));
        }
        pdf.line("Check the evidence bundle offline: " + StatementCheck.BUNDLE_COMMAND
                + " (the statement's JWS signs this PDF's SHA-256). The QR code carries these values.");
        pdf.space(6);
        PdfTextLayout.Area area = pdf.area(QR_SIZE_POINTS);
        StatementQrCode.draw(area, check.qrPayload(text(statement, "/issued/statementId")), area.left(), QR_SIZE_POINTS);
    }
}
