package org.cbamledger.verifier.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The verifier's own xlsx reader against workbooks POI writes, and against hostile ones. */
class XlsxCachedCellsTest {

    private static byte[] workbook() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("0_Versions");
            Row row = workbook.createSheet("Summary_Communication").createRow(25);
            row.createCell(5).setCellValue("76010000"); // F26, a shared string
            row.createCell(8).setCellValue(0.02805); // I26
            row.createCell(9).setCellFormula("I26*2"); // J26, a formula POI saves without a cached value
            var cached = row.createCell(6);
            cached.setCellFormula("A_InstData!S26");
            cached.setCellValue("MY"); // G26, a formula with a cached string
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void value_readsSharedStringsNumbersAndCachedFormulaText_andNothingForAFormulaNeverCalculated() throws Exception {
        XlsxCachedCells cells = XlsxCachedCells.open(workbook());
        assertEquals(new XlsxCachedCells.Value("76010000", false), cells.value("Summary_Communication!F26"));
        assertEquals(new XlsxCachedCells.Value("0.02805", true), cells.value("Summary_Communication!I26"));
        assertEquals(new XlsxCachedCells.Value("MY", false), cells.value("Summary_Communication!G26"));
        assertNull(cells.value("Summary_Communication!J26"), "no cached value: the verifier does not evaluate");
        assertNull(cells.value("Summary_Communication!Z99"));
        IOException e = assertThrows(IOException.class, () -> cells.value("Summary_Products!I10"));
        assertEquals("the workbook has no sheet Summary_Products", e.getMessage());
    }

    @Test
    void aSheetDeclaringAnExternalEntity_isRefusedAndNothingIsFetched() throws Exception {
        byte[] hostile = replacePart(workbook(), "xl/worksheets/sheet2.xml", """
                <?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="26"><c r="I26" t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>""");
        XlsxCachedCells cells = XlsxCachedCells.open(hostile);
        IOException e = assertThrows(IOException.class, () -> cells.value("Summary_Communication!I26"));
        assertTrue(e.getMessage().startsWith("xl/worksheets/sheet2.xml: "), e.getMessage());
    }

    @Test
    void aPartInflatingBeyondTheBound_isRefused() throws Exception {
        byte[] bomb = replacePart(workbook(), "xl/sharedStrings.xml", " ".repeat((int) XlsxCachedCells.MAX_PART_BYTES + 1));
        IOException e = assertThrows(IOException.class, () -> XlsxCachedCells.open(bomb));
        assertEquals("xl/sharedStrings.xml inflates beyond " + XlsxCachedCells.MAX_PART_BYTES + " bytes", e.getMessage());
    }

    @Test
    void partsEachUnderTheirBound_togetherBeyondTheWorkbooksBound_areRefused() throws Exception {
        String almostFull = " ".repeat((int) XlsxCachedCells.MAX_PART_BYTES - 1);
        byte[] many = replacePart(replacePart(replacePart(workbook(), "xl/sharedStrings.xml", almostFull),
                "xl/styles.xml", almostFull), "xl/worksheets/sheet1.xml", almostFull);
        IOException e = assertThrows(IOException.class, () -> XlsxCachedCells.open(many));
        assertEquals("the workbook's parts inflate beyond " + XlsxCachedCells.MAX_WORKBOOK_BYTES + " bytes", e.getMessage());
    }

    @Test
    void bytesThatAreNoWorkbook_areRefused() {
        IOException e = assertThrows(IOException.class,
                () -> XlsxCachedCells.open("statementId,cnCode\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("not an xlsx workbook: no xl/workbook.xml", e.getMessage());
    }

    /** The workbook's zip with one part's content replaced. */
    private static byte[] replacePart(byte[] xlsx, String part, String content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(entry.getName().equals(part) ? content.getBytes(StandardCharsets.UTF_8) : in.readAllBytes());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
