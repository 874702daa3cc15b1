package org.cbamledger.exchange.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cbamledger.exchange.WorkedStatement;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Filling a blank template: a protected workbook whose only inputs are its unlocked cells, the rest labels and formulas. */
class BlankTemplateFillTest {

    /** A miniature of the Commission's blank template: same sheets and addresses, a few inputs, labels and formulas. */
    private static byte[] blankTemplate(String version) throws Exception {
        SupplierWorkbook blank = new SupplierWorkbook();
        CellStyle unlocked = blank.workbook.createCellStyle();
        unlocked.setLocked(false);
        blank.text("0_Versions", "E38", version);
        for (String input : new String[] {"I9", "L9", "I19", "I20", "I26"}) {
            blank.cell("A_InstData", input).setCellStyle(unlocked);
        }
        blank.text("A_InstData", "C20", "Name of the installation (English name)");
        blank.text("A_InstData", "S26", "TR");
        blank.text("Summary_Communication", "F25", "CN Codes");
        blank.uncalculated("Summary_Communication", "G12", "A_InstData!I20");
        blank.uncalculated("Summary_Communication", "G20", "A_InstData!I9");
        blank.uncalculated("Summary_Communication", "AI15", "2*3");
        for (String sheet : new String[] {"0_Versions", "A_InstData", "Summary_Communication"}) {
            blank.workbook.getSheet(sheet).protectSheet("");
        }
        return blank.bytes();
    }

    @Test
    void write_intoBlankTemplate_fillsOnlyUnlockedCellsAndRecalculates() throws Exception {
        ObjectNode statement = WorkedStatement.build();
        byte[] filled = CommunicationTemplateWriter.write(statement, Optional.of(blankTemplate("2.1.1")));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(filled))) {
            String name = statement.at("/installation/name").asString();
            assertEquals(name, CommunicationTemplateWriterTest.at(wb, "A_InstData", "I20").getStringCellValue());
            assertEquals("Türkiye", CommunicationTemplateWriterTest.at(wb, "A_InstData", "I26").getStringCellValue());
            assertEquals("Name of the installation (English name)", CommunicationTemplateWriterTest.at(wb, "A_InstData", "C20").getStringCellValue());
            var g12 = CommunicationTemplateWriterTest.at(wb, "Summary_Communication", "G12");
            assertEquals(CellType.FORMULA, g12.getCellType(), "a locked formula stays a formula");
            assertEquals(name, g12.getStringCellValue());
            assertEquals(LocalDate.of(2026, 1, 1),
                    CommunicationTemplateWriterTest.at(wb, "Summary_Communication", "G20").getLocalDateTimeCellValue().toLocalDate());
            assertEquals(6.0, CommunicationTemplateWriterTest.at(wb, "Summary_Communication", "AI15").getNumericCellValue(),
                    "locked cells are never written, only recalculated");
            assertEquals(null, CommunicationTemplateWriterTest.at(wb, "Summary_Communication", "I26"), "no cell created in a template");
        }
    }

    @Test
    void write_refusesABlankTemplateOfAnotherVersion() throws Exception {
        ObjectNode statement = WorkedStatement.build();
        byte[] old = blankTemplate("2.1");
        TemplateException e = assertThrows(TemplateException.class, () -> CommunicationTemplateWriter.write(statement, Optional.of(old)));
        assertEquals("the blank template is version 2.1; statements are written into version 2.1.1", e.getMessage());
    }
}
