package org.cbamledger.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cbamledger.calculation.statement.StatementPdfRenderer;
import org.cbamledger.calculation.statement.StatementRenderings;
import org.cbamledger.exchange.template.StatementWorkbook;
import org.cbamledger.verifier.check.StatementPdfCheck;
import org.cbamledger.verifier.check.StatementWorkbookCheck;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bundled statement.pdf and statement.xlsx are the renderings the signed statement binds by SHA-256 (issue 12:
 * the PDF; issue 15: the communication template workbook).
 */
class StatementRenderingChecksTest {
    enum Rendering {
        PDF("statement.pdf", StatementPdfCheck.NAME, "PDF", StatementPdfRenderer::render),
        WORKBOOK("statement.xlsx", StatementWorkbookCheck.NAME, "communication template workbook", StatementWorkbook::render);

        final String file;
        final String check;
        final String what;
        final StatementRenderings.WorkbookRenderer renderer;

        Rendering(String file, String check, String what, StatementRenderings.WorkbookRenderer renderer) {
            this.file = file;
            this.check = check;
            this.what = what;
            this.renderer = renderer;
        }
    }

    private static WorkedExampleBundle example;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildLog() throws Exception {
        example = new WorkedExampleBundle();
    }

    private static List<CheckResult> lines(VerificationReport report, Rendering rendering) {
        return report.results().stream().filter(r -> r.check().equals(rendering.check)).toList();
    }

    private static void assertOnlyFails(VerificationReport report, Rendering rendering, String messageStart) {
        assertFalse(report.passed());
        List<CheckResult> lines = lines(report, rendering);
        assertEquals(1, lines.size(), lines::toString);
        assertEquals(CheckStatus.FAIL, lines.getFirst().status());
        assertEquals(rendering.file, lines.getFirst().subject());
        assertTrue(lines.getFirst().message().startsWith(messageStart), lines.getFirst().message());
        assertEquals(lines, report.failures(), "only " + rendering.file + " fails");
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void theIssuedRendering_passes_andIsTheOneRenderedFromTheSignedStatement(Rendering rendering) throws Exception {
        Path bundle = example.write(tmp.resolve("b"));
        VerificationReport report = new Verifier().verify(bundle, List.of());
        assertTrue(report.passed(), () -> report.failures().toString());
        assertEquals(CheckStatus.PASS, lines(report, rendering).getFirst().status());
        assertArrayEquals(rendering.renderer.render(example.issued.statement()), Files.readAllBytes(bundle.resolve(rendering.file)));
    }

    @Test
    void aForgedPdf_fails() throws Exception {
        Path bundle = example.write(tmp.resolve("b"));
        Files.writeString(bundle.resolve("statement.pdf"), "%PDF-1.4\nTotal emissions: 1.000 t CO2\n%%EOF\n");
        assertOnlyFails(new Verifier().verify(bundle, List.of()), Rendering.PDF, "has SHA-256 ");
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void aRenderingWithOneByteChanged_fails(Rendering rendering) throws Exception {
        Path bundle = example.write(tmp.resolve("b"));
        byte[] bytes = Files.readAllBytes(bundle.resolve(rendering.file));
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(bundle.resolve(rendering.file), bytes);
        assertOnlyFails(new Verifier().verify(bundle, List.of()), rendering, "has SHA-256 ");
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void theRenderingOfAnotherStatement_fails(Rendering rendering) throws Exception {
        Path bundle = example.write(tmp.resolve("b"));
        ObjectNode other = example.issued.statement().deepCopy();
        other.withObject("/issued").put("recipient", "another-importer");
        other.withObject("/specific").put("totalTco2PerTonne", "0.1");
        Files.write(bundle.resolve(rendering.file), rendering.renderer.render(other));
        assertOnlyFails(new Verifier().verify(bundle, List.of()), rendering, "has SHA-256 ");
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void aMissingRendering_fails(Rendering rendering) throws Exception {
        Path bundle = example.write(tmp.resolve("b"));
        Files.delete(bundle.resolve(rendering.file));
        assertOnlyFails(new Verifier().verify(bundle, List.of()), rendering, "missing: the signed statement binds a " + rendering.what);
    }
}
