package org.cbamledger.exchange.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cbamledger.calculation.scenario.ScenarioException;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import org.cbamledger.calculation.statement.StatementRenderings;
import org.cbamledger.exchange.WorkedStatement;
import org.cbamledger.spec.Kinds;
import org.cbamledger.spec.RecordValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A scenario whose supplier statement is the supplier's filled communication template (suppliers/*.xlsx). */
class SupplierWorkbookScenarioTest {
    private static final Path CSV_SCENARIO = Path.of("..", "scenarios", "turkish-extruder-2026");
    private static final Path WORKBOOK_SCENARIO = Path.of("..", "scenarios", "turkish-extruder-2026-workbook");
    private static final String WORKBOOK = "suppliers/MY-BILLETS-01-2026.xlsx";

    private static ObjectNode supplierStatement(Path scenario) throws ScenarioException {
        List<ScenarioRecord> statements = ScenarioLoader.load(scenario).records().stream()
                .filter(r -> r.kind().equals(Kinds.SUPPLIER_PRECURSOR_STATEMENT)).toList();
        assertEquals(1, statements.size());
        assertEquals("billet-supplier", statements.getFirst().partyId());
        return statements.getFirst().record();
    }

    @Test
    void workbookScenario_givesTheSupplierStatementTracedToItsCells() throws Exception {
        ObjectNode record = supplierStatement(WORKBOOK_SCENARIO);
        RecordValidator.validate(record);
        assertEquals("SEE-MY-BILLETS-01-2026", record.get("statementId").asString());
        assertEquals("MY-BILLETS-01", record.get("supplierInstallationId").asString());
        assertEquals("Example Billets Sdn. Bhd.", record.get("supplierName").asString());
        assertEquals("0.02805", record.get("directSeeTco2PerTonne").asString());
        assertEquals("0.619", record.get("electricityEmissionFactorTco2PerMwh").asString());
        assertEquals(StatementRenderings.sha256Hex(Files.readAllBytes(WORKBOOK_SCENARIO.resolve(WORKBOOK))),
                record.at("/sourceWorkbook/sha256").asString());
        assertEquals("Summary_Communication!I26", record.at("/sourceWorkbook/cells/directSeeTco2PerTonne").asString());
        assertEquals("Summary_Communication!P26", record.at("/sourceWorkbook/cells/electricityEmissionFactorTco2PerMwh").asString());
    }

    @Test
    void workbookScenario_issuesTheFiguresOfTheCsvScenario() throws Exception {
        JsonNode fromCsv = WorkedStatement.of(CSV_SCENARIO);
        JsonNode fromWorkbook = WorkedStatement.of(WORKBOOK_SCENARIO);
        for (String member : List.of("/specific", "/emissions", "/cost", "/tonnes")) {
            assertEquals(fromCsv.at(member), fromWorkbook.at(member), member);
        }
        assertEquals("0.15185", supplierIndirectPlusDirect(supplierStatement(CSV_SCENARIO), "0.619"));
        assertEquals("0.15185", supplierIndirectPlusDirect(supplierStatement(WORKBOOK_SCENARIO), null));
    }

    /** Direct SEE plus electricity times its factor (the CSV scenario names the factor by id, worth 0.619). */
    private static String supplierIndirectPlusDirect(JsonNode r, String factorOfId) {
        java.math.BigDecimal factor = new java.math.BigDecimal(factorOfId != null ? factorOfId
                : r.get("electricityEmissionFactorTco2PerMwh").asString());
        return new java.math.BigDecimal(r.get("directSeeTco2PerTonne").asString())
                .add(new java.math.BigDecimal(r.get("electricityMwhPerTonne").asString()).multiply(factor))
                .stripTrailingZeros().toPlainString();
    }

    @Test
    void aWorkbookNoRowNames_isRefused(@TempDir Path dir) throws Exception {
        copy(dir);
        Files.copy(dir.resolve(WORKBOOK), dir.resolve("suppliers/other.xlsx"));
        assertEquals("suppliers/other.xlsx: no row of supplier-workbooks.csv names this workbook",
                assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir)).getMessage());
    }

    @Test
    void aRowNamingAFileOutsideSuppliers_isRefused(@TempDir Path dir) throws Exception {
        copy(dir);
        rewriteRow(dir, WORKBOOK, "suppliers/../../secret.xlsx");
        assertEquals("supplier-workbooks.csv line 4, column workbook: suppliers/../../secret.xlsx is not a file name under"
                + " suppliers/ ending in .xlsx", assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir)).getMessage());
    }

    @Test
    void aRowAskingForACnCodeTheWorkbookLacks_namesWhatItHolds(@TempDir Path dir) throws Exception {
        copy(dir);
        rewriteRow(dir, ",76010000,", ",76011000,");
        assertEquals("supplier-workbooks.csv line 4: " + WORKBOOK + ": the workbook has no product with CN code 76011000"
                + " (it holds [76010000])", assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir)).getMessage());
    }

    @Test
    void aWorkbookWithoutCachedValues_isRefusedByCell(@TempDir Path dir) throws Exception {
        copy(dir);
        Files.write(dir.resolve(WORKBOOK), "not a workbook".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String message = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir)).getMessage();
        assertTrue(message.startsWith("supplier-workbooks.csv line 4: " + WORKBOOK + ": not an xlsx workbook"), message);
    }

    private static void rewriteRow(Path dir, String from, String to) throws IOException {
        Path csv = dir.resolve("supplier-workbooks.csv");
        Files.writeString(csv, Files.readString(csv).replace(from, to));
    }

    /** The workbook scenario with its links resolved, into {@code dir}. */
    private static void copy(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(WORKBOOK_SCENARIO)) {
            for (Path source : files.toList()) {
                Path target = dir.resolve(WORKBOOK_SCENARIO.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
