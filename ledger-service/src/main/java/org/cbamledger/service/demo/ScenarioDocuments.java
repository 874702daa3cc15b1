package org.cbamledger.service.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.cbamledger.calculation.scenario.Party;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioDocument;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import org.cbamledger.service.log.LedgerRecords;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.JsonNode;

/**
 * The scenario's source documents, generated from its records with deterministic bytes (the supplier's
 * statement and invoice as PDFs, the operator's meter export as CSV), and the files that are evidence themselves
 * (a supplier's communication template workbook), archived through the document endpoint and anchored by a key of
 * the submitting party; and the issued statement's PDF likewise.
 */
final class ScenarioDocuments {
    private static final int LINE_CHARS = 95;
    private static final int LINES_PER_PAGE = 44;

    private final DemoClient client;
    private final String logId;
    private final SigningKey root;
    private final PrintStream console;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    ScenarioDocuments(DemoClient client, String logId, SigningKey root, PrintStream console) {
        this.client = client;
        this.logId = logId;
        this.root = root;
        this.console = console;
    }

    /** Archives and anchors the source documents and the statement PDF; waits for a checkpoint covering them. */
    void archive(Scenario scenario, String statementId) throws Exception {
        String operator = scenario.statementIssuer();
        String supplier = scenario.parties().stream().filter(p -> p.partyType().equals("supplier"))
                .map(Party::partyId).findFirst().orElse(operator);
        SigningKey operatorKey = register(operator);
        SigningKey supplierKey = supplier.equals(operator) ? operatorKey : register(supplier);

        List<String> names = new ArrayList<>();
        names.add(anchor(supplierKey, supplier, "supplier-statement.pdf",
                pdf("Supplier statement of " + supplier, lines(scenario, Kinds.SUPPLIER_PRECURSOR_STATEMENT)),
                "emissions-statement/" + statementId, false));
        names.add(anchor(supplierKey, supplier, "invoice.pdf",
                pdf("Invoice of " + supplier + " to " + operator, lines(scenario, Kinds.PRECURSOR_PURCHASE)),
                "emissions-statement/" + statementId, false));
        names.add(anchor(operatorKey, operator, "meter-export.csv", csv(scenario, Kinds.ELECTRICITY_CONSUMPTION),
                "emissions-statement/" + statementId, false));
        for (ScenarioDocument document : scenario.documents()) {
            SigningKey key = document.partyId().equals(supplier) ? supplierKey
                    : document.partyId().equals(operator) ? operatorKey : register(document.partyId());
            names.add(anchor(key, document.partyId(), document.file().getFileName().toString(),
                    Files.readAllBytes(document.file()), document.supports(), false));
        }
        names.add(anchor(operatorKey, operator, statementId + ".pdf", client.statementPdf(logId, statementId),
                "emissions-statement/" + statementId, true));
        console.println("archived and anchored " + names.size() + " documents (" + String.join(", ", names)
                + "), each anchor signed by its submitting party's key");
    }

    private SigningKey register(String party) throws Exception {
        SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519);
        byte[] registration = LedgerRecords.json(LedgerRecords.keyRegistration(key.publicKey(), party, "submitter",
                List.of(Kinds.DOCUMENT_ANCHOR), now.minus(1, ChronoUnit.DAYS), now.plus(365, ChronoUnit.DAYS)));
        client.submit(logId, Envelope.sign(Kinds.KEY_REGISTRATION, registration, root), false);
        return key;
    }

    private String anchor(SigningKey key, String party, String fileName, byte[] content, String supports, boolean wait)
            throws Exception {
        byte[] record = client.uploadDocument(logId, content, party, fileName, supports);
        JsonNode receipt = client.submit(logId, Envelope.sign(Kinds.DOCUMENT_ANCHOR, record, key), wait);
        if (wait && receipt.get("checkpoint") == null) {
            throw new IOException("no checkpoint covered the document anchors within 10 s");
        }
        return fileName;
    }

    /** One line per field of each record of {@code kind}, in scenario order. */
    private static List<String> lines(Scenario scenario, String kind) {
        List<String> lines = new ArrayList<>();
        lines.add("Scenario " + scenario.name() + ", installation " + scenario.installation().installationId()
                + ", period " + scenario.period().from() + " to " + scenario.period().to());
        for (ScenarioRecord r : scenario.records()) {
            if (!r.kind().equals(kind)) {
                continue;
            }
            lines.add("");
            lines.add(kind + " (" + r.source() + ")");
            for (Map.Entry<String, JsonNode> field : r.record().properties()) {
                String line = "  " + field.getKey() + ": " + (field.getValue().isString()
                        ? field.getValue().asString() : field.getValue().toString());
                lines.add(line.length() > LINE_CHARS ? line.substring(0, LINE_CHARS) : line);
            }
        }
        return lines;
    }

    private static byte[] csv(Scenario scenario, String kind) {
        StringBuilder csv = new StringBuilder("source,field,value\n");
        for (ScenarioRecord r : scenario.records()) {
            if (r.kind().equals(kind)) {
                for (Map.Entry<String, JsonNode> field : r.record().properties()) {
                    String value = field.getValue().isString() ? field.getValue().asString() : field.getValue().toString();
                    csv.append(quote(r.source())).append(',').append(quote(field.getKey())).append(',')
                            .append(quote(value)).append('\n');
                }
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    /** A text PDF; the trailer ID is derived from the text so the same scenario gives the same bytes. */
    static byte[] pdf(String title, List<String> lines) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            List<String> all = new ArrayList<>();
            all.add(title);
            all.add("");
            all.addAll(lines);
            for (int start = 0; start < all.size(); start += LINES_PER_PAGE) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 10);
                    content.newLineAtOffset(50, 740);
                    for (String line : all.subList(start, Math.min(all.size(), start + LINES_PER_PAGE))) {
                        content.showText(ascii(line));
                        content.newLineAtOffset(0, -15);
                    }
                    content.endText();
                }
            }
            document.getDocumentInformation().setTitle(ascii(title));
            byte[] id = MessageDigest.getInstance("MD5").digest(String.join("\n", all).getBytes(StandardCharsets.UTF_8));
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            document.getDocument().getTrailer().setItem(COSName.ID, ids);
            document.save(out);
            return out.toByteArray();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required JDK algorithm", e);
        }
    }

    /** Helvetica (WinAnsi) has no glyph for most non-Latin-1 characters. */
    private static String ascii(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return b.toString();
    }
}
