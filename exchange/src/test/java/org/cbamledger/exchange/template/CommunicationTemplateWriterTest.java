package org.cbamledger.exchange.template;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cbamledger.exchange.WorkedStatement;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class CommunicationTemplateWriterTest {

    static Cell at(XSSFWorkbook workbook, String sheet, String address) {
        CellReference ref = new CellReference(address);
        var row = workbook.getSheet(sheet).getRow(ref.getRow());
        return row == null ? null : row.getCell(ref.getCol());
    }

    @Test
    void write_putsTheWorkedExampleAtTheDocumentedCells() throws Exception {
        ObjectNode statement = WorkedStatement.build();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(CommunicationTemplateWriter.write(statement, Optional.empty())))) {
            assertEquals(TemplateLayout.SHEETS.size(), wb.getNumberOfSheets());
            assertTrue(wb.isSheetHidden(wb.getSheetIndex("VersionDocumentation")));
            assertEquals("2.1.1", at(wb, "0_Versions", "E38").getStringCellValue());
            assertEquals(LocalDate.of(2026, 1, 1), at(wb, "A_InstData", "I9").getLocalDateTimeCellValue().toLocalDate());
            assertEquals(LocalDate.of(2026, 12, 31), at(wb, "A_InstData", "L9").getLocalDateTimeCellValue().toLocalDate());
            assertEquals("Example Turkish aluminium extrusion plant (no on-site casting)", at(wb, "A_InstData", "I20").getStringCellValue());
            assertEquals("Aluminium products", at(wb, "A_InstData", "E62").getStringCellValue());
            assertEquals("Unwrought aluminium", at(wb, "A_InstData", "E102").getStringCellValue());
            assertEquals("MY", at(wb, "A_InstData", "F102").getStringCellValue());
            assertEquals("MY-BILLETS-01", at(wb, "A_InstData", "L102").getStringCellValue());
            for (String sheet : List.of("Summary_Products", "Summary_Communication")) {
                int row = sheet.equals("Summary_Products") ? 10 : 26;
                assertEquals("76041090", at(wb, sheet, "F" + row).getStringCellValue());
                assertEquals(statement.at("/specific/directTco2PerTonne").asDouble(), at(wb, sheet, "I" + row).getNumericCellValue());
                assertEquals(statement.at("/specific/indirectTco2PerTonne").asDouble(), at(wb, sheet, "J" + row).getNumericCellValue());
                assertEquals(statement.at("/specific/totalTco2PerTonne").asDouble(), at(wb, sheet, "K" + row).getNumericCellValue());
                assertEquals("tCO2e/t", at(wb, sheet, "L" + row).getStringCellValue());
                assertNull(at(wb, sheet, "AR" + row), "no carbon price was paid abroad in the worked example");
            }
            assertEquals("TR", at(wb, "Summary_Communication", "G16").getStringCellValue());
            assertEquals(statement.at("/emissions/installationDirectTco2").asDouble(), at(wb, "Summary_Communication", "AI15").getNumericCellValue());
            // E_PurchPrec block 0 starts at row 14: 2,200 t purchased (L17) and consumed in process 1 (L28), SEE direct at L49
            assertEquals(statement.at("/precursors/0/massTonnes").asDouble(), at(wb, "E_PurchPrec", "L17").getNumericCellValue());
            assertEquals(statement.at("/precursors/0/massTonnes").asDouble(), at(wb, "E_PurchPrec", "L28").getNumericCellValue());
            assertEquals(0.02805, at(wb, "E_PurchPrec", "L49").getNumericCellValue(), 1e-9);
            assertEquals("Measured", at(wb, "E_PurchPrec", "M49").getStringCellValue());
        }
    }

    @Test
    void write_isByteForByteTheSameForTheSameStatement() throws Exception {
        ObjectNode statement = WorkedStatement.build();
        byte[] first = CommunicationTemplateWriter.write(statement, Optional.empty());
        Thread.sleep(2100); // zip entry times have a resolution of two seconds
        byte[] second = CommunicationTemplateWriter.write(statement, Optional.empty());
        assertArrayEquals(first, second);
    }
}
