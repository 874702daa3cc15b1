package org.cbamledger.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Source documents of the kinds exporters submit, generated for tests. */
final class TestDocuments {
    private TestDocuments() {}

    static byte[] invoicePdf(String author, List<String> lines) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(50, 700);
                for (String line : lines) {
                    content.showText(line);
                    content.newLineAtOffset(0, -16);
                }
                content.endText();
            }
            document.getDocumentInformation().setAuthor(author);
            document.getDocumentInformation().setTitle("Invoice for " + author);
            document.save(out);
            return out.toByteArray();
        }
    }

    static byte[] meterExportXlsx(List<String[]> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("meter M-17");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                String[] cells = rows.get(r);
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    static byte[] meterExportCsv(int rows) {
        StringBuilder csv = new StringBuilder("interval_start,meter_id,energy_kwh\n");
        for (int i = 0; i < rows; i++) {
            csv.append("2026-03-01T").append(String.format("%02d", i % 24)).append(":00:00Z,M-17,")
                    .append(1200 + i).append(".5\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
