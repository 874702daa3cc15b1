package org.cbamledger.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.cbamledger.signer.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentExtractionTest {
    @TempDir
    Path directory;

    @Test
    void pdfInvoice_isDetected_andItsTextExtracted() throws Exception {
        byte[] pdf = TestDocuments.invoicePdf("Jane Doe", List.of("Invoice 2026-0042", "Natural gas 41.7 t"));

        Extraction extraction = extract(pdf, "invoice.pdf");

        assertEquals("application/pdf", extraction.mediaType());
        assertTrue(extraction.text().contains("Invoice 2026-0042"), extraction.text());
        assertTrue(extraction.text().contains("Natural gas 41.7 t"), extraction.text());
        assertEquals(Optional.of(Sha256.hex(extraction.text().getBytes(StandardCharsets.UTF_8))), extraction.textSha256());
        assertEquals("1", extraction.metadata().get("xmpTPg:NPages"));
        assertTrue(extraction.metadata().containsKey("pdf:PDFVersion"), extraction.metadata().toString());
    }

    @Test
    void pdfInvoice_authorAndTitle_stayOutOfTheMetadata() throws Exception {
        byte[] pdf = TestDocuments.invoicePdf("Jane Doe", List.of("Invoice 2026-0043"));

        Extraction extraction = extract(pdf, "invoice.pdf");

        assertFalse(extraction.metadata().toString().contains("Jane Doe"), extraction.metadata().toString());
    }

    @Test
    void xlsxMeterExport_isDetected_andItsCellsExtracted() throws Exception {
        byte[] xlsx = TestDocuments.meterExportXlsx(List.of(
                new String[] {"interval_start", "meter_id", "energy_kwh"},
                new String[] {"2026-03-01T00:00:00Z", "M-17", "1234.5"}));

        Extraction extraction = extract(xlsx, "meter-export.xlsx");

        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extraction.mediaType());
        assertTrue(extraction.text().contains("meter M-17"), extraction.text());
        assertTrue(extraction.text().contains("1234.5"), extraction.text());
    }

    @Test
    void csvMeterExport_isDetectedAsCsv_andItsRowsExtracted() throws Exception {
        // Tika tells csv from plain text by content: a handful of rows reads as text/plain
        Extraction extraction = extract(TestDocuments.meterExportCsv(30), "meter-export.csv");

        assertEquals("text/csv", extraction.mediaType());
        assertTrue(extraction.text().contains("M-17"), extraction.text());
        assertTrue(extraction.text().contains("1202.5"), extraction.text());
        assertEquals("comma", extraction.metadata().get("csv:delimiter"));
        assertFalse(extraction.textTruncated());
    }

    @Test
    void longText_isCutAtTheLimit_andMarkedTruncated() throws Exception {
        ContentExtractor small = new ContentExtractor(100);
        Path file = directory.resolve("long.csv");
        Files.write(file, TestDocuments.meterExportCsv(1000));

        Extraction extraction = small.extract(file, "long.csv");

        assertTrue(extraction.textTruncated());
        assertEquals(100, extraction.textChars());
        assertEquals(100, extraction.text().length());
    }

    @Test
    void damagedPdf_isStillDescribed_withoutAText() throws Exception {
        byte[] damaged = new byte[4096];
        new Random(3).nextBytes(damaged);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, damaged, 0, 9);

        Extraction extraction = extract(damaged, "scan.pdf");

        assertEquals("application/pdf", extraction.mediaType());
        assertEquals(Optional.empty(), extraction.textSha256());
        assertEquals(0, extraction.textChars());
    }

    private Extraction extract(byte[] content, String fileName) throws Exception {
        Path file = directory.resolve(fileName);
        Files.write(file, content);
        return TestArchive.extractor().extract(file, fileName);
    }
}
