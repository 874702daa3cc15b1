package org.cbamledger.exchange.template;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.ss.formula.eval.NotImplementedException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.JsonNode;

/**
 * An emissions statement in the layout of the Commission's communication template v2.1.1: the installation and its
 * period, the one process and the purchased precursors (A_InstData), the product row (Summary_Products row 10), the
 * importer's page (Summary_Communication: installation block, totals, product row 26) and one E_PurchPrec block per
 * precursor. Given the blank template, only its unlocked input cells are filled and the formulas recalculated;
 * without it, a workbook with the template's sheet names holds the values at the same addresses. The electricity
 * per tonne, its factor and source, t scrap per t, % pre-consumer scrap and % other elements are filled where the
 * statement gives them, and otherwise stay empty ({@link ProductParameters}). Same statement, same bytes.
 */
public final class CommunicationTemplateWriter {
    private static final String UNIT = "tCO2e/t";
    private static final int SCALE = 6;

    private CommunicationTemplateWriter() {}

    /** {@code blankTemplate}: the Commission's v2.1.1 workbook as downloaded, or empty for a workbook of our own. */
    public static byte[] write(JsonNode statement, Optional<byte[]> blankTemplate) throws TemplateException {
        try (XSSFWorkbook workbook = blankTemplate.isPresent()
                ? new XSSFWorkbook(new ByteArrayInputStream(blankTemplate.get()))
                : ownWorkbook()) {
            if (blankTemplate.isPresent() && TemplateVersion.detect(workbook) != TemplateVersion.V2_1_1) {
                throw new TemplateException("the blank template is version " + TemplateVersion.detect(workbook).label()
                        + "; statements are written into version 2.1.1");
            }
            fill(new SheetCells(workbook, blankTemplate.isPresent()), statement);
            if (blankTemplate.isPresent()) {
                recalculate(workbook);
            }
            Instant issuedAt = Instant.parse(statement.at("/issued/issuedAt").asString());
            workbook.getProperties().getCoreProperties().setCreated(Optional.of(Date.from(issuedAt)));
            workbook.getProperties().getCoreProperties().setModified(Optional.of(Date.from(issuedAt)));
            workbook.getProperties().getCoreProperties().setCreator("cbam-ledger");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return DeterministicZip.normalize(out.toByteArray());
        } catch (IOException | RuntimeException e) {
            throw new TemplateException("cannot write the communication template: " + e.getMessage(), e);
        }
    }

    private static XSSFWorkbook ownWorkbook() {
        XSSFWorkbook workbook = new XSSFWorkbook();
        for (int i = 0; i < TemplateLayout.SHEETS.size(); i++) {
            workbook.createSheet(TemplateLayout.SHEETS.get(i));
            if (i >= TemplateLayout.VISIBLE_SHEETS) {
                workbook.setSheetVisibility(i, SheetVisibility.HIDDEN);
            }
        }
        Sheet versions = workbook.getSheet(TemplateLayout.VERSIONS);
        versions.createRow(TemplateVersion.V2_1_1_ROW - 1).createCell(4).setCellValue(TemplateVersion.V2_1_1.label());
        new SheetCells(workbook, false).text(TemplateLayout.COMMUNICATION, TemplateLayout.CN_HEADER_CELL, TemplateLayout.CN_HEADER);
        return workbook;
    }

    private static void fill(SheetCells cells, JsonNode statement) {
        JsonNode installation = statement.get("installation");
        String name = installation.get("name").asString();
        String country = installation.get("countryCode").asString();
        LocalDate from = LocalDate.parse(statement.at("/period/from").asString());
        LocalDate to = LocalDate.parse(statement.at("/period/to").asString());
        String cnCode = statement.get("cnCode").asString();
        String category = GoodsCategory.of(cnCode);
        String process = "P1 " + category + " (CN " + cnCode + ")";

        String inst = TemplateLayout.INST_DATA;
        cells.date(inst, TemplateLayout.PERIOD_START, from);
        cells.date(inst, TemplateLayout.PERIOD_END, to);
        cells.text(inst, TemplateLayout.NAME_LOCAL, name);
        cells.text(inst, TemplateLayout.NAME_ENGLISH, name);
        cells.text(inst, TemplateLayout.COUNTRY_NAME, Locale.of("", country).getDisplayCountry(Locale.ENGLISH));
        cells.text(inst, "E" + TemplateLayout.FIRST_GOODS_CATEGORY_ROW, category);
        cells.text(inst, "E" + TemplateLayout.FIRST_PROCESS_ROW, category);
        cells.text(inst, "F" + TemplateLayout.FIRST_PROCESS_ROW, category);
        cells.text(inst, "L" + TemplateLayout.FIRST_PROCESS_ROW, process);

        JsonNode specific = statement.get("specific");
        BigDecimal tonnes = decimal(statement.get("tonnes"));
        BigDecimal carbonPricePaid = decimal(statement.at("/cost/carbonPricePaidAbroadEur"));
        BigDecimal carbonPricePerTonne = carbonPricePaid.signum() == 0 ? null : carbonPricePaid.divide(tonnes, SCALE, RoundingMode.HALF_EVEN);
        productRow(cells, TemplateLayout.PRODUCTS, TemplateLayout.FIRST_PRODUCT_ROW, process, category, cnCode, specific, carbonPricePerTonne);
        productRow(cells, TemplateLayout.COMMUNICATION, TemplateLayout.FIRST_COMMUNICATION_PRODUCT_ROW, process, category, cnCode, specific,
                carbonPricePerTonne);

        parameters(cells, ProductParameters.of(statement));

        String comm = TemplateLayout.COMMUNICATION;
        cells.text(comm, TemplateLayout.COMM_NAME, name);
        cells.text(comm, TemplateLayout.COMM_COUNTRY_CODE, country);
        cells.date(comm, TemplateLayout.COMM_PERIOD_START, from);
        cells.date(comm, TemplateLayout.COMM_PERIOD_END, to);
        cells.text(comm, TemplateLayout.COMM_CATEGORY, category);
        cells.text(comm, TemplateLayout.COMM_PROCESS_NAME, process);
        String totals = TemplateVersion.V2_1_1.totalsColumn();
        JsonNode emissions = statement.get("emissions");
        BigDecimal direct = decimal(emissions.get("installationDirectTco2"));
        BigDecimal indirect = decimal(emissions.get("installationIndirectTco2"));
        cells.number(comm, totals + TemplateLayout.TOTAL_DIRECT_ROW, direct);
        cells.number(comm, totals + TemplateLayout.TOTAL_INDIRECT_ROW, indirect);
        cells.number(comm, totals + TemplateLayout.TOTAL_ROW, direct.add(indirect));

        JsonNode precursors = statement.get("precursors");
        for (int k = 0; k < Math.min(precursors.size(), TemplateLayout.MAX_PURCHASED_PRECURSORS); k++) {
            purchasedPrecursor(cells, k, precursors.get(k));
        }
    }

    private static void productRow(SheetCells cells, String sheet, int row, String process, String category, String cnCode,
            JsonNode specific, BigDecimal carbonPricePerTonne) {
        cells.text(sheet, "D" + row, process);
        cells.text(sheet, "E" + row, category);
        cells.text(sheet, "F" + row, GoodsCategory.eightDigits(cnCode));
        cells.text(sheet, "H" + row, category + " CN " + cnCode);
        cells.number(sheet, "I" + row, decimal(specific.get("directTco2PerTonne")));
        cells.number(sheet, "J" + row, decimal(specific.get("indirectTco2PerTonne")));
        cells.number(sheet, "K" + row, decimal(specific.get("totalTco2PerTonne")));
        cells.text(sheet, "L" + row, UNIT);
        if (carbonPricePerTonne != null) {
            cells.text(sheet, TemplateLayout.CARBON_PRICE_CURRENCY_COLUMN + row, "EUR");
            cells.number(sheet, TemplateLayout.CARBON_PRICE_DUE_COLUMN + row, carbonPricePerTonne);
            cells.number(sheet, TemplateLayout.EFFECTIVE_CARBON_PRICE_COLUMN + row, carbonPricePerTonne);
        }
    }

    /** The electricity and aluminium parameters of ProductParameters, where the statement gives them; process P1 too. */
    private static void parameters(SheetCells cells, ProductParameters p) {
        int productRow = TemplateLayout.FIRST_PRODUCT_ROW;
        int commRow = TemplateLayout.FIRST_COMMUNICATION_PRODUCT_ROW;
        for (String[] sheetRow : new String[][] {{TemplateLayout.PRODUCTS, "" + productRow}, {TemplateLayout.COMMUNICATION, "" + commRow}}) {
            p.electricityFactorSource().ifPresent(v -> cells.text(sheetRow[0], TemplateLayout.ELECTRICITY_FACTOR_SOURCE_COLUMN + sheetRow[1], v));
            p.electricityMwhPerTonne().ifPresent(v -> cells.number(sheetRow[0], TemplateLayout.EMBEDDED_ELECTRICITY_COLUMN + sheetRow[1], v));
        }
        p.electricityFactorTco2PerMwh().ifPresent(v -> cells.number(TemplateLayout.COMMUNICATION,
                TemplateLayout.COMM_ELECTRICITY_FACTOR_COLUMN + commRow, v));
        cells.number(TemplateLayout.PRODUCTS, TemplateLayout.PRODUCTS_SCRAP_PER_TONNE_COLUMN + productRow, p.scrapTonnesPerTonne());
        cells.number(TemplateLayout.COMMUNICATION, TemplateLayout.COMM_SCRAP_PER_TONNE_COLUMN + commRow, p.scrapTonnesPerTonne());
        p.preConsumerScrapPercent().ifPresent(v -> {
            cells.number(TemplateLayout.PRODUCTS, TemplateLayout.PRODUCTS_PRE_CONSUMER_SCRAP_COLUMN + productRow, v);
            cells.number(TemplateLayout.COMMUNICATION, TemplateLayout.COMM_PRE_CONSUMER_SCRAP_COLUMN + commRow, v);
        });
        p.otherElementsPercent().ifPresent(v -> {
            cells.number(TemplateLayout.PRODUCTS, TemplateLayout.PRODUCTS_OTHER_ELEMENTS_COLUMN + productRow, v);
            cells.number(TemplateLayout.COMMUNICATION, TemplateLayout.COMM_OTHER_ELEMENTS_COLUMN + commRow, v);
        });
        int s = TemplateLayout.FIRST_PROCESS_BLOCK_ROW;
        p.electricityMwh().ifPresent(v -> cells.number(TemplateLayout.PROCESSES, "L" + (s + TemplateLayout.PROCESS_ELECTRICITY_MWH_OFFSET), v));
        p.electricityFactorTco2PerMwh().ifPresent(v -> cells.number(TemplateLayout.PROCESSES,
                "L" + (s + TemplateLayout.PROCESS_ELECTRICITY_FACTOR_OFFSET), v));
        p.electricityFactorSource().ifPresent(v -> cells.text(TemplateLayout.PROCESSES, "L" + (s + TemplateLayout.PROCESS_FACTOR_SOURCE_OFFSET), v));
    }

    private static void purchasedPrecursor(SheetCells cells, int k, JsonNode precursor) {
        String cnCode = precursor.get("cnCode").asString();
        int instRow = TemplateLayout.FIRST_PURCHASED_PRECURSOR_ROW + k;
        cells.text(TemplateLayout.INST_DATA, "E" + instRow, GoodsCategory.of(cnCode));
        cells.text(TemplateLayout.INST_DATA, "F" + instRow, precursor.get("countryOfOrigin").asString());
        cells.text(TemplateLayout.INST_DATA, "L" + instRow, precursor.get("supplierInstallationId").asString());

        BigDecimal mass = decimal(precursor.get("massTonnes"));
        int r = TemplateLayout.purchasedBlockRow(k);
        String sheet = TemplateLayout.PURCHASED;
        cells.number(sheet, "L" + (r + TemplateLayout.PURCHASED_ROUTE1_OFFSET), mass);
        cells.number(sheet, "L" + (r + TemplateLayout.CONSUMED_PROCESS1_OFFSET), mass);
        if (mass.signum() > 0) {
            cells.number(sheet, "L" + (r + TemplateLayout.SEE_DIRECT_OFFSET),
                    decimal(precursor.get("directTco2")).divide(mass, SCALE, RoundingMode.HALF_EVEN));
            cells.number(sheet, "L" + (r + TemplateLayout.SEE_INDIRECT_OFFSET),
                    decimal(precursor.get("indirectTco2")).divide(mass, SCALE, RoundingMode.HALF_EVEN));
        }
        cells.text(sheet, "M" + (r + TemplateLayout.SEE_DIRECT_OFFSET),
                "supplier-statement".equals(precursor.get("source").asString()) ? "Measured" : "Default");
    }

    /**
     * Evaluates every formula POI can evaluate, so importers' tools reading cached values see them; a function POI does
     * not implement keeps the template's cached value and Excel recalculates on opening.
     */
    private static void recalculate(XSSFWorkbook workbook) {
        XSSFFormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA) {
                        try {
                            evaluator.evaluateFormulaCell(cell);
                        } catch (NotImplementedException e) {
                            workbook.setForceFormulaRecalculation(true);
                        }
                    }
                }
            }
        }
    }

    private static BigDecimal decimal(JsonNode node) {
        return new BigDecimal(node.asString());
    }
}
