package org.cbamledger.exchange.template;

import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The versions of the Commission's communication template we read and write, and where they differ. The version is
 * the last value matching {@code \d+(\.\d+)*} in {@code 0_Versions!E9:E60} (2.1.1 sits at E38).
 */
public enum TemplateVersion {
    V2_1("2.1", "AH", false),
    V2_1_1("2.1.1", "AI", true);

    public static final String VERSIONS_SHEET = "0_Versions";
    static final int FIRST_VERSION_ROW = 9;
    static final int LAST_VERSION_ROW = 60;
    static final int V2_1_1_ROW = 38;
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)*");

    private final String label;
    private final String totalsColumn;
    private final boolean hasElectricityFactorColumn;

    TemplateVersion(String label, String totalsColumn, boolean hasElectricityFactorColumn) {
        this.label = label;
        this.totalsColumn = totalsColumn;
        this.hasElectricityFactorColumn = hasElectricityFactorColumn;
    }

    public String label() {
        return label;
    }

    /** Summary_Communication column of the installation totals (rows 15 to 17). */
    String totalsColumn() {
        return totalsColumn;
    }

    /** 2.1.1 added Summary_Communication column P "Electricity EF (tCO2/MWh)", shifting P..AL one to the right. */
    boolean hasElectricityFactorColumn() {
        return hasElectricityFactorColumn;
    }

    static TemplateVersion detect(Workbook workbook) throws TemplateException {
        Sheet sheet = workbook.getSheet(VERSIONS_SHEET);
        if (sheet == null) {
            throw new TemplateException("not a communication template: no sheet " + VERSIONS_SHEET);
        }
        String last = null;
        for (int r = FIRST_VERSION_ROW; r <= LAST_VERSION_ROW; r++) {
            Row row = sheet.getRow(r - 1);
            Cell cell = row == null ? null : row.getCell(4);
            if (cell != null && cell.getCellType() == CellType.STRING && NUMBER.matcher(cell.getStringCellValue().trim()).matches()) {
                last = cell.getStringCellValue().trim();
            }
        }
        if (last == null) {
            throw new TemplateException(VERSIONS_SHEET + "!E" + FIRST_VERSION_ROW + ":E" + LAST_VERSION_ROW + " holds no version number");
        }
        for (TemplateVersion v : values()) {
            if (v.label.equals(last)) {
                return v;
            }
        }
        throw new TemplateException("communication template version " + last + " is not supported (supported: 2.1, 2.1.1)");
    }
}
