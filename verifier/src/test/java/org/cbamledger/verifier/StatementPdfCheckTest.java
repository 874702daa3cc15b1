package org.cbamledger.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cbamledger.calculation.statement.StatementPdfRenderer;
import org.cbamledger.verifier.check.StatementPdfCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** The bundled statement.pdf is the PDF the signed statement binds by SHA-256 (issue 12: the PDF is bound). */
class StatementPdfCheckTest {
    private static WorkedExampleBundle example;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildLog() throws Exception {
        example = new WorkedExampleBundle();
    }

    private static List<CheckResult> pdfLines(VerificationReport report) {
        return report.results().stream().filter(r -> r.check().equals(StatementPdfCheck.NAME)).toList();
    }

    private static void assertPdfFails(VerificationReport report, String messageStart) {
        assertFalse(report.passed());
        List<CheckResult> lines = pdfLines(report);
        assertEquals(1, lines.size(), lines::toString);
        assertEquals(CheckStatus.FAIL, lines.getFirst().status());
        assertEquals("statement.pdf", lines.getFirst().subject());
        assertTrue(lines.getFirst().message().startsWith(messageStart), lines.getFirst().message());
        assertEquals(lines, report.failures(), "only the PDF fails");
    }

    @Test
    void theIssuedPdf_passes() throws Exception {
        VerificationReport report = new Verifier().verify(example.write(tmp.resolve("b")), List.of());
        assertTrue(report.passed(), () -> report.failures().toString());
        assertEquals(CheckStatus.PASS, pdfLines(report).getFirst().status());
    }

    @Test
    void aForgedPdf_fails() throws Exception {
        Path bundle = example.write(tmp.resolve("b"));
        Files.writeString(bundle.resolve("statement.pdf"), "%PDF-1.4\nTotal emissions: 1.000 t CO2\n%%EOF\n");
        assertPdfFails(new Verifier().verify(bundle, List.of()), "has SHA-256 ");
    }

    @Test
    void aPdfWithOneByteChanged_fails() throws Exception {
        Path bundle = example.write(tmp.resolve("b"));
        byte[] pdf = Files.readAllBytes(bundle.resolve("statement.pdf"));
        pdf[pdf.length / 2] ^= 0x01;
        Files.write(bundle.resolve("statement.pdf"), pdf);
        assertPdfFails(new Verifier().verify(bundle, List.of()), "has SHA-256 ");
    }

    @Test
    void thePdfOfAnotherStatement_fails() throws Exception {
        Path bundle = example.write(tmp.resolve("b"));
        ObjectNode other = example.issued.statement().deepCopy();
        other.withObject("/issued").put("recipient", "another-importer");
        Files.write(bundle.resolve("statement.pdf"), StatementPdfRenderer.render(other));
        assertPdfFails(new Verifier().verify(bundle, List.of()), "has SHA-256 ");
    }

    @Test
    void aMissingPdf_fails() throws Exception {
        Path bundle = example.write(tmp.resolve("b"));
        Files.delete(bundle.resolve("statement.pdf"));
        assertPdfFails(new Verifier().verify(bundle, List.of()), "missing: the signed statement binds a PDF");
    }
}
