package org.cbamledger.exchange.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Optional;
import org.cbamledger.exchange.WorkedStatement;
import org.cbamledger.spec.RecordValidationException;
import org.cbamledger.spec.RecordValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class CommunicationTemplateReaderTest {

    private static void assertSameNumber(JsonNode expected, String actual) {
        assertEquals(0, new BigDecimal(expected.asString()).compareTo(new BigDecimal(actual)), expected + " vs " + actual);
    }

    @Test
    void read_ourOwnExportGivesBackTheStatementsFigures() throws Exception {
        ObjectNode statement = WorkedStatement.build();
        ImportedTemplate read = CommunicationTemplateReader.read(CommunicationTemplateWriter.write(statement, Optional.empty()));
        assertEquals(TemplateVersion.V2_1_1, read.version());
        assertEquals(statement.at("/installation/name").asString(), read.value("installation.name"));
        assertEquals("TR", read.value("installation.countryCode"));
        assertEquals("2026-01-01", read.value("period.from"));
        assertEquals("2026-12-31", read.value("period.to"));
        assertEquals("76041090", read.value("products[0].cnCode"));
        assertSameNumber(statement.at("/specific/directTco2PerTonne"), read.value("products[0].directSeeTco2PerTonne"));
        assertSameNumber(statement.at("/specific/indirectTco2PerTonne"), read.value("products[0].indirectSeeTco2PerTonne"));
        assertSameNumber(statement.at("/specific/totalTco2PerTonne"), read.value("products[0].totalSeeTco2PerTonne"));
        assertSameNumber(statement.at("/emissions/installationDirectTco2"), read.value("installation.directTco2"));
        assertEquals("Summary_Communication!I26", read.find("products[0].directSeeTco2PerTonne").orElseThrow().reference());
    }

    @Test
    void roundTrip_meteredElectricity_givesItsMwhPerTonneFactorAndSource_andScrapPerTonne() throws Exception {
        ObjectNode statement = WorkedStatement.serbian();
        ImportedTemplate read = CommunicationTemplateReader.read(CommunicationTemplateWriter.write(statement, Optional.empty()));
        BigDecimal tonnes = new BigDecimal(statement.get("tonnes").asString());
        BigDecimal mwh = figure(statement, "electricity.total.energyMwh");
        BigDecimal tco2 = figure(statement, "electricity.total.emissionsTco2");
        assertEquals(0, mwh.divide(tonnes, 6, java.math.RoundingMode.HALF_EVEN)
                .compareTo(new BigDecimal(read.value("products[0].electricityMwhPerTonne"))));
        assertEquals(0, tco2.divide(mwh, 6, java.math.RoundingMode.HALF_EVEN)
                .compareTo(new BigDecimal(read.value("products[0].electricityEmissionFactorTco2PerMwh"))));
        assertEquals(ProductParameters.METERED_SOURCE, read.value("products[0].electricityFactorSource"));
        assertEquals("Summary_Communication!N26", read.find("products[0].electricityFactorSource").orElseThrow().reference());
        assertEquals("0", read.value("products[0].scrapTonnesPerTonne"), "no CN 7602 precursor");
        assertEquals("Summary_Communication!AA26", read.find("products[0].scrapTonnesPerTonne").orElseThrow().reference());
    }

    @Test
    void write_fillsTheAluminiumParameters_andLeavesThemEmptyForAStatementWithout_andNoElectricityWhereNoneWasMetered()
            throws Exception {
        ObjectNode statement = WorkedStatement.build();
        try (var workbook = workbook(CommunicationTemplateWriter.write(statement, Optional.empty()))) {
            assertEquals(0.0, cell(workbook, "Summary_Products", "Y10").getNumericCellValue(), "no scrap consumed: 0 %");
            assertEquals(0.0, cell(workbook, "Summary_Products", "Z10").getNumericCellValue());
            assertEquals(1.22, cell(workbook, "Summary_Products", "AA10").getNumericCellValue());
            assertEquals(0.0, cell(workbook, "Summary_Communication", "Z26").getNumericCellValue());
            assertEquals(1.22, cell(workbook, "Summary_Communication", "AB26").getNumericCellValue());
            for (String address : new String[] {"N10", "O10"}) {
                assertEquals(null, cell(workbook, "Summary_Products", address), "Summary_Products!" + address + " must stay empty");
            }
        }
        statement.remove("aluminium"); // a statement of records made before the parameters existed
        try (var workbook = workbook(CommunicationTemplateWriter.write(statement, Optional.empty()))) {
            for (String address : new String[] {"Y10", "AA10"}) {
                assertEquals(null, cell(workbook, "Summary_Products", address), "Summary_Products!" + address + " must stay empty");
            }
            assertEquals(null, cell(workbook, "Summary_Communication", "AB26"));
        }
    }

    private static org.apache.poi.xssf.usermodel.XSSFWorkbook workbook(byte[] xlsx) throws java.io.IOException {
        return new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx));
    }

    private static org.apache.poi.ss.usermodel.Cell cell(org.apache.poi.xssf.usermodel.XSSFWorkbook workbook, String sheet, String address) {
        var ref = new org.apache.poi.ss.util.CellReference(address);
        var row = workbook.getSheet(sheet).getRow(ref.getRow());
        return row == null ? null : row.getCell(ref.getCol());
    }

    @Test
    void roundTrip_theAluminiumParametersOfBothScenarios_comeBackFromTheirCells() throws Exception {
        for (ObjectNode statement : new ObjectNode[] {WorkedStatement.build(), WorkedStatement.serbian()}) {
            ImportedTemplate read = CommunicationTemplateReader.read(CommunicationTemplateWriter.write(statement, Optional.empty()));
            assertSameNumber(statement.at("/aluminium/preConsumerScrapPercent"), read.value("products[0].preConsumerScrapPercent"));
            assertSameNumber(statement.at("/aluminium/otherElementsPercent"), read.value("products[0].otherElementsPercent"));
            assertEquals("Summary_Communication!Z26", read.find("products[0].preConsumerScrapPercent").orElseThrow().reference());
            assertEquals("Summary_Communication!AB26", read.find("products[0].otherElementsPercent").orElseThrow().reference());
        }
        assertEquals("1.23", WorkedStatement.serbian().at("/aluminium/otherElementsPercent").asString(),
                "(11,000 t x 1.22 % + 9,000 t x 1.25 %) / 20,000 t = 1.2335 %");
    }

    @Test
    void read_handBuiltFixtures_takeTheAluminiumParametersFromTheirVersionsColumns() throws Exception {
        SupplierWorkbook v211 = SupplierWorkbook.billets("2.1.1");
        v211.formulaNumber("Summary_Communication", "Z26", "Summary_Products!Y10", 35.5);
        v211.formulaNumber("Summary_Communication", "AA26", "Summary_Products!Z10", 0.3);
        v211.formulaNumber("Summary_Communication", "AB26", "Summary_Products!AA10", 0.9);
        ImportedTemplate read = CommunicationTemplateReader.read(v211.bytes());
        assertEquals("35.5", read.value("products[0].preConsumerScrapPercent"));
        assertEquals("0.3", read.value("products[0].scrapTonnesPerTonne"));
        assertEquals("0.9", read.value("products[0].otherElementsPercent"));
        SupplierWorkbook v21 = SupplierWorkbook.billets("2.1");
        v21.formulaNumber("Summary_Communication", "Y26", "Summary_Products!Y10", 35.5);
        v21.formulaNumber("Summary_Communication", "AA26", "Summary_Products!AA10", 0.9);
        ImportedTemplate old = CommunicationTemplateReader.read(v21.bytes());
        assertEquals("Summary_Communication!Y26", old.find("products[0].preConsumerScrapPercent").orElseThrow().reference());
        assertEquals("Summary_Communication!AA26", old.find("products[0].otherElementsPercent").orElseThrow().reference());
    }

    @Test
    void read_refusesASuppliersShareAbove100OrBelowZeroPercent_namingTheCell() throws Exception {
        SupplierWorkbook over = SupplierWorkbook.billets("2.1.1");
        over.formulaNumber("Summary_Communication", "Z26", "Summary_Products!Y10", 120);
        TemplateException e = assertThrows(TemplateException.class, () -> CommunicationTemplateReader.read(over.bytes()));
        assertEquals("Summary_Communication!Z26 holds 120 %: a share must lie within 0 to 100 %", e.getMessage());
        SupplierWorkbook negative = SupplierWorkbook.billets("2.1.1");
        negative.formulaNumber("Summary_Communication", "AB26", "Summary_Products!AA10", -1.5);
        e = assertThrows(TemplateException.class, () -> CommunicationTemplateReader.read(negative.bytes()));
        assertEquals("Summary_Communication!AB26 holds -1.5 %: a share must lie within 0 to 100 %", e.getMessage());
    }

    private static BigDecimal figure(JsonNode statement, String id) {
        for (JsonNode f : statement.at("/evidence/figures")) {
            if (f.get("id").asString().equals(id)) {
                return new BigDecimal(f.get("value").asString());
            }
        }
        throw new AssertionError("no figure " + id);
    }

    @Test
    void read_handBuiltV211_givesTheSuppliersFiguresTracedToTheirCells() throws Exception {
        ImportedTemplate read = CommunicationTemplateReader.read(SupplierWorkbook.billets("2.1.1").bytes());
        assertEquals(TemplateVersion.V2_1_1, read.version());
        assertEquals("0.02805", read.value("products[0].directSeeTco2PerTonne"));
        assertEquals("0.43", read.value("products[0].electricityEmissionFactorTco2PerMwh"));
        assertEquals("Summary_Communication!P26", read.find("products[0].electricityEmissionFactorTco2PerMwh").orElseThrow().reference());
        assertEquals("Summary_Communication!AI15", read.find("installation.directTco2").orElseThrow().reference());
        ObjectNode record = read.supplierStatement(0, "SEE-MY-BILLETS-01-2026", "MY-BILLETS-01", true, "Example accredited verification body");
        RecordValidator.validate(record); // the api-spec schema of supplier-precursor-statement
        assertEquals("Example Billets Sdn. Bhd. casthouse", record.get("supplierName").asString());
        assertEquals("MY", record.get("countryOfOrigin").asString());
        assertEquals("76010000", record.get("cnCode").asString());
        assertEquals("2026-01-01", record.get("periodFrom").asString());
        assertEquals("2026-12-31", record.get("periodTo").asString());
        assertEquals("0.02805", record.get("directSeeTco2PerTonne").asString());
        assertEquals("0.2", record.get("electricityMwhPerTonne").asString());
        assertEquals("0.43", record.get("electricityEmissionFactorTco2PerMwh").asString());
        assertFalse(record.has("indirectSeeTco2PerTonne"));
    }

    @Test
    void sourceWorkbook_theSchemaRefusesAnUntracedDirectSeeAndACellThatIsNoSheetCell() throws Exception {
        ImportedTemplate read = CommunicationTemplateReader.read(SupplierWorkbook.billets("2.1.1").bytes());
        ObjectNode record = read.supplierStatement(0, "S-1", "MY-BILLETS-01", false, null);
        assertEquals(read.workbookSha256(), record.at("/sourceWorkbook/sha256").asString());
        assertEquals("2.1.1", record.at("/sourceWorkbook/templateVersion").asString());
        ObjectNode cells = (ObjectNode) record.at("/sourceWorkbook/cells");
        cells.put("directSeeTco2PerTonne", "Summary_Communication!I26\nI27");
        assertThrows(RecordValidationException.class, () -> RecordValidator.validate(record));
        cells.remove("directSeeTco2PerTonne");
        assertThrows(RecordValidationException.class, () -> RecordValidator.validate(record));
    }

    @Test
    void read_version21_takesTotalsFromColumnAhAndHasNoFactorColumn() throws Exception {
        ImportedTemplate read = CommunicationTemplateReader.read(SupplierWorkbook.billets("2.1").bytes());
        assertEquals(TemplateVersion.V2_1, read.version());
        assertEquals("Summary_Communication!AH17", read.find("installation.totalTco2").orElseThrow().reference());
        assertEquals("11405", read.value("installation.totalTco2"));
        assertFalse(read.find("products[0].electricityEmissionFactorTco2PerMwh").isPresent());
        ObjectNode record = read.supplierStatement(0, "SEE-MY-BILLETS-01-2026", "MY-BILLETS-01", false, null);
        RecordValidator.validate(record);
        assertEquals("0.086", record.get("indirectSeeTco2PerTonne").asString());
        assertFalse(record.has("electricityMwhPerTonne"));
    }

    @Test
    void read_refusesAnUnsupportedVersion() throws Exception {
        byte[] wb = SupplierWorkbook.billets("2.1.1").text("0_Versions", "E39", "3.0").bytes();
        TemplateException e = assertThrows(TemplateException.class, () -> CommunicationTemplateReader.read(wb));
        assertEquals("communication template version 3.0 is not supported (supported: 2.1, 2.1.1)", e.getMessage());
    }

    @Test
    void read_refusesAWorkbookWithoutVersionsSheet() throws Exception {
        SupplierWorkbook s = SupplierWorkbook.billets("2.1.1");
        s.workbook.removeSheetAt(s.workbook.getSheetIndex("0_Versions"));
        TemplateException e = assertThrows(TemplateException.class, () -> CommunicationTemplateReader.read(s.bytes()));
        assertEquals("not a communication template: no sheet 0_Versions", e.getMessage());
    }

    @Test
    void read_refusesAShiftedLayout() throws Exception {
        byte[] wb = SupplierWorkbook.billets("2.1.1").text("Summary_Communication", "F25", "CN code").bytes();
        TemplateException e = assertThrows(TemplateException.class, () -> CommunicationTemplateReader.read(wb));
        assertEquals("Summary_Communication!F25 should read \"CN Codes\" but reads \"CN code\": not the layout of the communication template",
                e.getMessage());
    }

    @Test
    void read_refusesAMissingCellByName() throws Exception {
        byte[] wb = SupplierWorkbook.billets("2.1.1").remove("Summary_Communication", "J26").bytes();
        TemplateException e = assertThrows(TemplateException.class, () -> CommunicationTemplateReader.read(wb));
        assertEquals("Summary_Communication!J26 is empty", e.getMessage());
    }

    @Test
    void read_refusesAFormulaWithoutCachedValue() throws Exception {
        byte[] wb = SupplierWorkbook.billets("2.1.1").uncalculated("Summary_Communication", "I26", "Summary_Products!I10").bytes();
        TemplateException e = assertThrows(TemplateException.class, () -> CommunicationTemplateReader.read(wb));
        assertEquals("Summary_Communication!I26 is a formula without a cached value: open and save the workbook in Excel", e.getMessage());
    }

    @Test
    void read_refusesBytesThatAreNoWorkbook() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> CommunicationTemplateReader.read("statementId,cnCode\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("not an xlsx workbook", e.getMessage().substring(0, "not an xlsx workbook".length()));
    }
}
