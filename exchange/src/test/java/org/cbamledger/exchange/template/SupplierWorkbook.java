package org.cbamledger.exchange.template;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A supplier's filled template built cell by cell at the addresses of shared/reference/communication-template.md, the
 * way Excel saves it: Summary_Communication's cells are formulas over the input sheets, with cached values.
 */
final class SupplierWorkbook {
    final XSSFWorkbook workbook = new XSSFWorkbook();

    /** Malaysian billets, version {@code version} ("2.1" puts the totals in column AH and has no column P). */
    static SupplierWorkbook billets(String version) {
        SupplierWorkbook s = new SupplierWorkbook();
        boolean v211 = version.equals("2.1.1");
        s.text("0_Versions", "E9", "1.0");
        s.text("0_Versions", v211 ? "E38" : "E37", version);
        s.text("0_Versions", "F38", "2024-12-13");
        s.text("A_InstData", "I20", "Example Billets Sdn. Bhd. casthouse");
        s.date("A_InstData", "I9", LocalDate.of(2026, 1, 1));
        s.date("A_InstData", "L9", LocalDate.of(2026, 12, 31));
        s.text("Summary_Communication", "F25", "CN Codes");
        s.formulaText("Summary_Communication", "G12", "A_InstData!I20", "Example Billets Sdn. Bhd. casthouse");
        s.formulaText("Summary_Communication", "G16", "A_InstData!S26", "MY");
        s.formulaNumber("Summary_Communication", "G20", "A_InstData!I9", 46023); // 2026-01-01
        s.formulaNumber("Summary_Communication", "G21", "A_InstData!L9", 46387); // 2026-12-31
        String totals = v211 ? "AI" : "AH";
        s.formulaNumber("Summary_Communication", totals + "15", "SUM(B_EmInst!L10:L20)", 2805.0);
        s.formulaNumber("Summary_Communication", totals + "16", "SUM(B_EmInst!M10:M20)", 8600.0);
        s.formulaNumber("Summary_Communication", totals + "17", totals + "15+" + totals + "16", 11405.0);
        s.formulaText("Summary_Communication", "F26", "Summary_Products!F10", "76010000");
        s.formulaNumber("Summary_Communication", "I26", "Summary_Products!I10", 0.02805);
        s.formulaNumber("Summary_Communication", "J26", "Summary_Products!J10", 0.086);
        s.formulaNumber("Summary_Communication", "K26", "I26+J26", 0.11405);
        s.formulaNumber("Summary_Communication", "O26", "Summary_Products!O10", 0.2);
        if (v211) {
            s.formulaNumber("Summary_Communication", "P26", "Summary_Products!P10", 0.43);
        }
        return s;
    }

    Cell cell(String sheetName, String address) {
        Sheet sheet = workbook.getSheet(sheetName) != null ? workbook.getSheet(sheetName) : workbook.createSheet(sheetName);
        CellReference ref = new CellReference(address);
        Row row = sheet.getRow(ref.getRow()) != null ? sheet.getRow(ref.getRow()) : sheet.createRow(ref.getRow());
        return row.getCell(ref.getCol()) != null ? row.getCell(ref.getCol()) : row.createCell(ref.getCol());
    }

    SupplierWorkbook text(String sheet, String address, String value) {
        cell(sheet, address).setCellValue(value);
        return this;
    }

    SupplierWorkbook date(String sheet, String address, LocalDate value) {
        cell(sheet, address).setCellValue(value);
        return this;
    }

    /** A formula whose cached value is {@code cached}, as Excel saves it after calculating. */
    SupplierWorkbook formulaNumber(String sheet, String address, String formula, double cached) {
        Cell c = cell(sheet, address);
        c.setCellFormula(formula);
        c.setCellValue(cached);
        return this;
    }

    SupplierWorkbook formulaText(String sheet, String address, String formula, String cached) {
        Cell c = cell(sheet, address);
        c.setCellFormula(formula);
        c.setCellValue(cached);
        return this;
    }

    /** A formula saved without calculation: no cached value at all. */
    SupplierWorkbook uncalculated(String sheet, String address, String formula) {
        Cell c = cell(sheet, address);
        c.setCellFormula(formula);
        var ct = ((org.apache.poi.xssf.usermodel.XSSFCell) c).getCTCell();
        if (ct.isSetV()) {
            ct.unsetV();
        }
        return this;
    }

    SupplierWorkbook remove(String sheet, String address) {
        Cell c = cell(sheet, address);
        c.getRow().removeCell(c);
        return this;
    }

    byte[] bytes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        workbook.close();
        return out.toByteArray();
    }
}
