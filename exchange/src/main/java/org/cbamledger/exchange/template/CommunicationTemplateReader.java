package org.cbamledger.exchange.template;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.statement.StatementRenderings;

/**
 * Reads a supplier's filled communication template (2.1 or 2.1.1) the way importers' tools do: the version from
 * {@code 0_Versions}, the header checked, then cached values only from Summary_Communication (the importer's page).
 * Nothing is recalculated: a formula without a cached value was never calculated, and is refused by sheet and cell.
 */
public final class CommunicationTemplateReader {
    private static final String SHEET = TemplateLayout.COMMUNICATION;
    private static final BigDecimal HUNDRED_PERCENT = new BigDecimal(100);

    private final Sheet sheet;
    private final List<TracedValue> figures = new ArrayList<>();

    private CommunicationTemplateReader(Sheet sheet) {
        this.sheet = sheet;
    }

    public static ImportedTemplate read(byte[] workbookBytes) throws TemplateException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(workbookBytes))) {
            TemplateVersion version = TemplateVersion.detect(workbook);
            Sheet sheet = workbook.getSheet(SHEET);
            if (sheet == null) {
                throw new TemplateException("not a communication template: no sheet " + SHEET);
            }
            CommunicationTemplateReader reader = new CommunicationTemplateReader(sheet);
            reader.checkHeader();
            reader.readInstallation(version);
            reader.readProducts(version);
            return new ImportedTemplate(version, sha256Hex(workbookBytes), reader.figures);
        } catch (IOException | org.apache.poi.EmptyFileException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw new TemplateException("not an xlsx workbook: " + e.getMessage(), e);
        }
    }

    private static String sha256Hex(byte[] bytes) throws TemplateException {
        try {
            return StatementRenderings.sha256Hex(bytes);
        } catch (CalculationException e) {
            throw new TemplateException(e.getMessage(), e);
        }
    }

    private void checkHeader() throws TemplateException {
        String header = text(TemplateLayout.CN_HEADER_CELL, true);
        if (!TemplateLayout.CN_HEADER.equals(header)) {
            throw new TemplateException(SHEET + "!" + TemplateLayout.CN_HEADER_CELL + " should read \"" + TemplateLayout.CN_HEADER
                    + "\" but reads \"" + header + "\": not the layout of the communication template");
        }
    }

    private void readInstallation(TemplateVersion version) throws TemplateException {
        add("installation.name", TemplateLayout.COMM_NAME, text(TemplateLayout.COMM_NAME, true));
        add("installation.countryCode", TemplateLayout.COMM_COUNTRY_CODE, text(TemplateLayout.COMM_COUNTRY_CODE, true));
        add("period.from", TemplateLayout.COMM_PERIOD_START, date(TemplateLayout.COMM_PERIOD_START));
        add("period.to", TemplateLayout.COMM_PERIOD_END, date(TemplateLayout.COMM_PERIOD_END));
        String totals = version.totalsColumn();
        numberIfPresent("installation.directTco2", totals + TemplateLayout.TOTAL_DIRECT_ROW);
        numberIfPresent("installation.indirectTco2", totals + TemplateLayout.TOTAL_INDIRECT_ROW);
        numberIfPresent("installation.totalTco2", totals + TemplateLayout.TOTAL_ROW);
    }

    private void readProducts(TemplateVersion version) throws TemplateException {
        int count = 0;
        for (int i = 0; i < TemplateLayout.MAX_PRODUCTS; i++) {
            int row = TemplateLayout.FIRST_COMMUNICATION_PRODUCT_ROW + i;
            String cnCode = text("F" + row, false);
            if (cnCode == null || cnCode.isBlank()) {
                continue;
            }
            String p = "products[" + count++ + "].";
            add(p + "cnCode", "F" + row, cnCode.trim());
            add(p + "directSeeTco2PerTonne", "I" + row, number("I" + row));
            add(p + "indirectSeeTco2PerTonne", "J" + row, number("J" + row));
            add(p + "totalSeeTco2PerTonne", "K" + row, number("K" + row));
            textIfPresent(p + "electricityFactorSource", TemplateLayout.ELECTRICITY_FACTOR_SOURCE_COLUMN + row);
            numberIfPresent(p + "electricityMwhPerTonne", TemplateLayout.EMBEDDED_ELECTRICITY_COLUMN + row);
            if (version.hasElectricityFactorColumn()) {
                numberIfPresent(p + "electricityEmissionFactorTco2PerMwh", TemplateLayout.COMM_ELECTRICITY_FACTOR_COLUMN + row);
            }
            // 2.1.1's column P shifts the aluminium parameters one column right on this sheet
            boolean shifted = version.hasElectricityFactorColumn();
            percentIfPresent(p + "preConsumerScrapPercent", (shifted ? TemplateLayout.COMM_PRE_CONSUMER_SCRAP_COLUMN
                    : TemplateLayout.PRODUCTS_PRE_CONSUMER_SCRAP_COLUMN) + row);
            numberIfPresent(p + "scrapTonnesPerTonne", (shifted ? TemplateLayout.COMM_SCRAP_PER_TONNE_COLUMN
                    : TemplateLayout.PRODUCTS_SCRAP_PER_TONNE_COLUMN) + row);
            percentIfPresent(p + "otherElementsPercent", (shifted ? TemplateLayout.COMM_OTHER_ELEMENTS_COLUMN
                    : TemplateLayout.PRODUCTS_OTHER_ELEMENTS_COLUMN) + row);
        }
        if (count == 0) {
            throw new TemplateException(SHEET + "!F" + TemplateLayout.FIRST_COMMUNICATION_PRODUCT_ROW + ":F"
                    + (TemplateLayout.FIRST_COMMUNICATION_PRODUCT_ROW + TemplateLayout.MAX_PRODUCTS - 1) + " holds no product");
        }
    }

    private void add(String field, String address, String value) {
        figures.add(new TracedValue(field, value, SHEET, address));
    }

    private void numberIfPresent(String field, String address) throws TemplateException {
        if (cell(address) != null) {
            add(field, address, number(address));
        }
    }

    /** A share in percent: a supplier's 120 % pre-consumer scrap or -1 % alloying elements is refused, naming the cell. */
    private void percentIfPresent(String field, String address) throws TemplateException {
        if (cell(address) == null) {
            return;
        }
        String value = number(address);
        BigDecimal percent = new BigDecimal(value);
        if (percent.signum() < 0 || percent.compareTo(HUNDRED_PERCENT) > 0) {
            throw new TemplateException(ref(address) + " holds " + value + " %: a share must lie within 0 to 100 %");
        }
        add(field, address, value);
    }

    private void textIfPresent(String field, String address) throws TemplateException {
        if (cell(address) != null) {
            add(field, address, text(address, true));
        }
    }

    private String text(String address, boolean required) throws TemplateException {
        Cell cell = cell(address);
        if (cell == null) {
            if (required) {
                throw missing(address);
            }
            return null;
        }
        return switch (cachedType(cell, address)) {
            case STRING -> cell.getStringCellValue().trim();
            case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            default -> throw new TemplateException(ref(address) + " holds no text");
        };
    }

    private String number(String address) throws TemplateException {
        return BigDecimal.valueOf(numeric(address, "number")).stripTrailingZeros().toPlainString();
    }

    private String date(String address) throws TemplateException {
        return DateUtil.getLocalDateTime(numeric(address, "date")).toLocalDate().toString();
    }

    /** Excel keeps numbers and dates alike as doubles. */
    private double numeric(String address, String what) throws TemplateException {
        Cell cell = cell(address);
        if (cell == null) {
            throw missing(address);
        }
        if (cachedType(cell, address) != CellType.NUMERIC) {
            throw new TemplateException(ref(address) + " holds no " + what);
        }
        return cell.getNumericCellValue();
    }

    /** A formula cell's cached result type; a formula saved without calculation has none. */
    private CellType cachedType(Cell cell, String address) throws TemplateException {
        if (cell.getCellType() != CellType.FORMULA) {
            return cell.getCellType();
        }
        if (cell instanceof XSSFCell x && !x.getCTCell().isSetV()) {
            throw new TemplateException(ref(address) + " is a formula without a cached value: open and save the workbook in Excel");
        }
        CellType cached = cell.getCachedFormulaResultType();
        if (cached == CellType.ERROR) {
            throw new TemplateException(ref(address) + " holds a formula error");
        }
        return cached;
    }

    /** The cell at {@code address}, or null when it does not exist or is blank. */
    private Cell cell(String address) {
        CellReference ref = new CellReference(address);
        Row row = sheet.getRow(ref.getRow());
        Cell cell = row == null ? null : row.getCell(ref.getCol());
        return cell == null || cell.getCellType() == CellType.BLANK ? null : cell;
    }

    private static TemplateException missing(String address) {
        return new TemplateException(ref(address) + " is empty");
    }

    private static String ref(String address) {
        return SHEET + "!" + address;
    }
}
