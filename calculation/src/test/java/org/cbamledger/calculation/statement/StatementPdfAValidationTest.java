package org.cbamledger.calculation.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.TestEvidence;
import org.cbamledger.calculation.electricity.SerbianScenario;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.NoteSigner;
import org.cbamledger.signer.SigningKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** The statement PDF as veraPDF (the PDF Association's reference validator) judges it against PDF/A-3b. */
class StatementPdfAValidationTest {
    private static final String LOG = "cbam-ledger/pdfa";

    @BeforeAll
    static void initialiseVeraPdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private static byte[] pdf(Scenario scenario, List<EvidenceRecord> evidence) throws Exception {
        CalculationResult result = EmissionsCalculator.calculate(scenario.request(evidence));
        String body = new Checkpoint(LOG, evidence.size(), new byte[32], List.of()).body();
        String checkpoint = NoteSigner.sign(body, new NoteSigner(LOG, SigningKey.generate(KeyAlgorithm.ED25519)));
        return StatementIssuer.issue(result, new StatementIssue("st-pdfa", "2026-11-22T10:00:00Z", "extruder", "importer"),
                checkpoint, SigningKey.generate(KeyAlgorithm.ED25519)).pdf();
    }

    /** veraPDF's failed rules ("6.2.11.4.1-1: The font programs ... shall be embedded"); empty when compliant. */
    private static List<String> failures(byte[] pdf) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failed = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                    .distinct().toList();
            assertEquals(result.isCompliant(), failed.isEmpty(), failed.toString());
            return failed;
        }
    }

    private static void assertPdfA3b(byte[] pdf) throws Exception {
        List<String> failed = failures(pdf);
        assertTrue(failed.isEmpty(), "veraPDF PDF/A-3b failures:\n" + String.join("\n", failed));
    }

    @Test
    void aPlainPdfWithAStandardFontAndNoPdfAMetadata_isRefused() throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                content.showText("not embedded");
                content.endText();
            }
            document.save(out);
            List<String> failed = failures(out.toByteArray());
            assertTrue(failed.stream().anyMatch(f -> f.startsWith("6.6.2.1-")), "no metadata stream: " + failed);
            assertTrue(failed.stream().anyMatch(f -> f.startsWith("6.2.11.4.1-")), "font not embedded: " + failed);
        }
    }

    @Test
    void workedExampleStatementPdf_isPdfA3b() throws Exception {
        Scenario scenario = ScenarioLoader.load(TestEvidence.WORKED_EXAMPLE);
        assertPdfA3b(pdf(scenario, TestEvidence.of(scenario)));
    }

    @Test
    void serbianStatementPdfWithItsElectricityChart_isPdfA3b() throws Exception {
        assertPdfA3b(pdf(SerbianScenario.scenario(), SerbianScenario.evidence()));
    }
}
