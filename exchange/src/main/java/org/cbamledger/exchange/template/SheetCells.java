package org.cbamledger.exchange.template;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes values at {@code sheet} and A1 addresses. Filling the Commission's blank template, only unlocked cells are
 * written (the sheets are protected; every other cell is a label or a formula the recalculation fills); building a
 * workbook without it, every addressed cell is created.
 */
final class SheetCells {
    private final XSSFWorkbook workbook;
    private final boolean inputsOnly;
    private final CellStyle dateStyle;

    SheetCells(XSSFWorkbook workbook, boolean inputsOnly) {
        this.workbook = workbook;
        this.inputsOnly = inputsOnly;
        this.dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
    }

    void text(String sheet, String address, String value) {
        Cell cell = target(sheet, address);
        if (cell != null && value != null) {
            cell.setCellValue(value);
        }
    }

    void number(String sheet, String address, BigDecimal value) {
        Cell cell = target(sheet, address);
        if (cell != null && value != null) {
            cell.setCellValue(value.doubleValue());
        }
    }

    /** Excel dates: serial day numbers shown as dates; a template's own cell keeps its own format. */
    void date(String sheet, String address, LocalDate value) {
        Cell cell = target(sheet, address);
        if (cell != null) {
            cell.setCellValue(value);
            if (!inputsOnly) {
                cell.setCellStyle(dateStyle);
            }
        }
    }

    private Cell target(String sheetName, String address) {
        Sheet sheet = workbook.getSheet(sheetName);
        if (sheet == null) {
            if (inputsOnly) {
                return null;
            }
            sheet = workbook.createSheet(sheetName);
        }
        CellReference ref = new CellReference(address);
        Row row = sheet.getRow(ref.getRow());
        Cell cell = row == null ? null : row.getCell(ref.getCol());
        if (inputsOnly) {
            return cell != null && !cell.getCellStyle().getLocked() ? cell : null;
        }
        if (row == null) {
            row = sheet.createRow(ref.getRow());
        }
        return cell != null ? cell : row.createCell(ref.getCol());
    }
}
