package org.cbamledger.calculation.statement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.TestEvidence;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.NoteSigner;
import org.cbamledger.signer.SigningKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StatementPdfRendererTest {
    private static final String LOG = "cbam-ledger/tr-extruder";
    private static final byte[] ROOT = new byte[32];
    private static List<EvidenceRecord> evidence;
    private static IssuedStatement issued;
    private static String logKeyHash;

    @BeforeAll
    static void issueWorkedExample() throws Exception {
        Scenario scenario = ScenarioLoader.load(TestEvidence.WORKED_EXAMPLE);
        evidence = TestEvidence.of(scenario);
        CalculationResult result = EmissionsCalculator.calculate(scenario.request(evidence));
        ROOT[0] = 42;
        String body = new Checkpoint(LOG, evidence.size(), ROOT, List.of()).body();
        NoteSigner logSigner = new NoteSigner(LOG, SigningKey.generate(KeyAlgorithm.ED25519));
        logKeyHash = logSigner.verifierKey().split("\\+")[1];
        String checkpoint = NoteSigner.sign(body, logSigner,
                new NoteSigner("witness.example/w1", SigningKey.generate(KeyAlgorithm.ED25519)));
        issued = StatementIssuer.issue(result, new StatementIssue("st-1", "2026-11-22T10:00:00Z", "extruder", "importer"),
                checkpoint, SigningKey.generate(KeyAlgorithm.ED25519));
    }

    @Test
    void firstPage_tellsTheBuyerTheProductEmissionsCostEvidenceAndHowToCheck() throws Exception {
        String page1 = pageText(issued.pdf(), 1, 1);
        for (String expected : new String[] {
            "Installation: ", "Period: 2026-01-01", "CN code: 7604", "Output: ",
            "Direct: 0.079101 tCO2e/t", "Total: 0.215281 tCO2e/t", "Indirect: ",
            "Actual route (these measured emissions): EUR 23,630.03",
            "Default route (the Commission's default values with mark-up): EUR 400,888.82",
            "signed ledger entries: ",
            "Statement SHA-256 (of its RFC 8785 JSON without renderings):\n" + StatementCheck.of(issued.statement()).statementSha256(),
            "Checkpoint: log " + LOG + ", size " + evidence.size() + ", root " + Base64.getEncoder().encodeToString(ROOT),
            "Log key: " + LOG, "Witnesses: witness.example/w1", StatementCheck.BUNDLE_COMMAND,
        }) {
            assertTrue(page1.contains(expected), "page 1 lacks: " + expected + "\n" + page1);
        }
        assertFalse(page1.contains("Annex"), "page 1 must not be the derivation trace");
    }

    @Test
    void tablesAndAnnex_showEveryHeadlineFigureWithItsDerivationAndEvidence() throws Exception {
        String text = pageText(issued.pdf(), 2, Integer.MAX_VALUE);
        for (String expected : new String[] {
            "Total emissions 430.562 t CO2",
            "Direct emissions 158.202 t CO2",
            "Indirect emissions 272.36 t CO2",
            "Specific total 0.215281 t CO2/t",
            "Cost, actual emissions 23630.03 EUR",
            "Cost, default values 400888.82 EUR",
            "Share from precursors 77.59 %",
            "Default value with mark-up 4.1155 t CO2/t",
            "Pre-consumer scrap in scrap used 0 % aluminium.preConsumerScrapPercent",
            "Elements other than aluminium 1.22 % aluminium.otherElementsPercent",
            "aluminium.otherElementsPercent = 1.22 %",
            "Annex: how each figure was computed",
            "fuel.reheating-furnace-2026.emissionsTco2 = 74.052 tCO2",
            "fuel.ageing-ovens-2026.emissionsTco2 = 22.44 tCO2",
            "rule certificatePrice.2026-Q1 = 75.36",
            evidence.get(6).leafHashHex(),
        }) {
            assertTrue(text.contains(expected), "PDF text lacks: " + expected);
        }
        assertTrue(text.indexOf("Notes and gaps") < text.indexOf("Annex: how each figure"), "the notes come before the annex");
    }

    @Test
    void qrCode_onPageOne_decodesToTheStatementHashAndCheckpoint() throws Exception {
        String decoded = decodeQr(issued.pdf());
        StatementCheck check = StatementCheck.of(issued.statement());
        assertEquals(check.qrPayload("st-1"), decoded);
        assertTrue(decoded.contains("statement-sha256: " + check.statementSha256()));
        assertTrue(decoded.contains("checkpoint: " + LOG + " " + evidence.size() + " " + Base64.getEncoder().encodeToString(ROOT)));
        assertTrue(decoded.contains("witness: witness.example/w1"));
        assertTrue(decoded.contains("log-key: " + LOG + "+" + logKeyHash), decoded);
    }

    /**
     * The QR code on page one, read as a phone would read the printed page: ZXing fails on some rasterisations of some
     * payloads (the keys, and so the payload, are random per run), so the page is read at several resolutions and the
     * first that decodes is taken; none decoding fails the test.
     */
    private static String decodeQr(byte[] pdf) throws Exception {
        ReaderException last = null;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (int dpi : new int[] {150, 200, 300, 400}) {
                BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.RGB);
                int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
                try {
                    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                            new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
                            Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
                } catch (ReaderException e) {
                    last = e;
                }
            }
        }
        throw last;
    }

    @Test
    void render_isSmallAndTheSameBytesEachTime_andTheSignedStatementRendersTheIssuedPdf() throws Exception {
        JsonNode signed = issued.statement();
        assertArrayEquals(issued.pdf(), StatementPdfRenderer.render(signed));
        assertArrayEquals(StatementPdfRenderer.render(signed), StatementPdfRenderer.render(signed.deepCopy()));
        try (PDDocument document = Loader.loadPDF(issued.pdf())) {
            assertTrue(document.getNumberOfPages() <= 12, "pages: " + document.getNumberOfPages());
        }
    }

    @Test
    void statementHash_ignoresRenderings_butChangesWithAnyFigure() throws Exception {
        var copy = issued.statement().deepCopy();
        String before = StatementCheck.of(copy).statementSha256();
        copy.remove("renderings");
        assertEquals(before, StatementCheck.of(copy).statementSha256());
        copy.withObject("/specific").put("totalTco2PerTonne", "0.1");
        assertFalse(before.equals(StatementCheck.of(copy).statementSha256()));
    }

    @Test
    void pdfA3b_embedsItsFonts_declaresSrgb_andAttachesTheStatementItRenders() throws Exception {
        try (PDDocument document = Loader.loadPDF(issued.pdf())) {
            String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(xmp.contains("<pdfaid:part>3</pdfaid:part>") && xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"), xmp);
            assertTrue(xmp.contains("<xmp:CreateDate>2026-11-22T10:00:00Z</xmp:CreateDate>"), xmp);
            assertEquals(1, document.getDocumentCatalog().getOutputIntents().size());
            assertEquals("sRGB IEC61966-2.1", document.getDocumentCatalog().getOutputIntents().getFirst().getOutputConditionIdentifier());
            for (org.apache.pdfbox.pdmodel.PDPage page : document.getPages()) {
                for (org.apache.pdfbox.cos.COSName name : page.getResources().getFontNames()) {
                    assertTrue(page.getResources().getFont(name).isEmbedded(), name.getName());
                }
            }
            var spec = (org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification) document.getDocumentCatalog()
                    .getNames().getEmbeddedFiles().getNames().get(PdfA3.ATTACHMENT);
            assertEquals("Source", spec.getCOSObject().getNameAsString("AFRelationship"));
            assertEquals("application/json", spec.getEmbeddedFile().getSubtype());
            assertArrayEquals(StatementCheck.content(issued.statement()), spec.getEmbeddedFile().toByteArray());
            assertEquals(1, document.getDocumentCatalog().getCOSObject().getCOSArray(org.apache.pdfbox.cos.COSName.getPDFName("AF")).size());
        }
    }

    static String pageText(byte[] pdf, int from, int to) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(from);
            stripper.setEndPage(Math.min(to, document.getNumberOfPages()));
            return stripper.getText(document);
        }
    }
}
