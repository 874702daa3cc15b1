package org.cbamledger.exchange.template;

import java.util.List;

/**
 * Sheet names and cell addresses of the Commission's "Communication template for installations" v2.1.1, as mapped in
 * {@code shared/reference/communication-template.md}. Only the layout is ours to know; the workbook is the
 * Commission's and is never shipped.
 */
final class TemplateLayout {
    static final String VERSIONS = TemplateVersion.VERSIONS_SHEET;
    static final String INST_DATA = "A_InstData";
    static final String PURCHASED = "E_PurchPrec";
    static final String PRODUCTS = "Summary_Products";
    static final String COMMUNICATION = "Summary_Communication";
    static final String PROCESSES = "D_Processes";

    /** The 19 sheets in the template's order; the last five are hidden there. */
    static final List<String> SHEETS = List.of(VERSIONS, "a_Contents", "b_Guidelines&Conditions", "c_CodeLists", INST_DATA,
            "B_EmInst", "C_Emissions&Energy", "D_Processes", PURCHASED, "F_Tools", "G_FurtherGuidance", "Summary_Processes",
            PRODUCTS, COMMUNICATION, "InputOutput", "Parameters_Constants", "Parameters_CNCodes", "Translations",
            "VersionDocumentation");
    static final int VISIBLE_SHEETS = 14;

    // A_InstData
    static final String PERIOD_START = "I9";
    static final String PERIOD_END = "L9";
    static final String NAME_LOCAL = "I19";
    static final String NAME_ENGLISH = "I20";
    static final String COUNTRY_NAME = "I26";
    static final int FIRST_GOODS_CATEGORY_ROW = 62;
    static final int FIRST_PROCESS_ROW = 83;
    static final int FIRST_PURCHASED_PRECURSOR_ROW = 102;
    static final int MAX_PURCHASED_PRECURSORS = 20;

    // Summary_Products: data rows 10..109; Summary_Communication mirrors them at 26..125
    static final int FIRST_PRODUCT_ROW = 10;
    static final int FIRST_COMMUNICATION_PRODUCT_ROW = 26;
    static final int MAX_PRODUCTS = 100;
    static final String CN_HEADER_CELL = "F25";
    static final String CN_HEADER = "CN Codes";
    static final String ELECTRICITY_FACTOR_SOURCE_COLUMN = "N";
    static final String EMBEDDED_ELECTRICITY_COLUMN = "O";
    /** Summary_Communication only, new in 2.1.1; it shifts the aluminium parameters one column to the right there. */
    static final String COMM_ELECTRICITY_FACTOR_COLUMN = "P";
    static final String PRODUCTS_PRE_CONSUMER_SCRAP_COLUMN = "Y";
    static final String PRODUCTS_SCRAP_PER_TONNE_COLUMN = "Z";
    static final String PRODUCTS_OTHER_ELEMENTS_COLUMN = "AA";
    static final String COMM_PRE_CONSUMER_SCRAP_COLUMN = "Z";
    static final String COMM_SCRAP_PER_TONNE_COLUMN = "AA";
    static final String COMM_OTHER_ELEMENTS_COLUMN = "AB";
    static final String CARBON_PRICE_CURRENCY_COLUMN = "AP";
    static final String CARBON_PRICE_DUE_COLUMN = "AR";
    static final String EFFECTIVE_CARBON_PRICE_COLUMN = "AZ";

    // Summary_Communication installation block
    static final String COMM_NAME = "G12";
    static final String COMM_COUNTRY_CODE = "G16";
    static final String COMM_PERIOD_START = "G20";
    static final String COMM_PERIOD_END = "G21";
    static final String COMM_CATEGORY = "H12";
    static final String COMM_PROCESS_NAME = "R12";
    static final int TOTAL_DIRECT_ROW = 15;
    static final int TOTAL_INDIRECT_ROW = 16;
    static final int TOTAL_ROW = 17;

    // D_Processes: process k's block starts at row 11 + 65k; its electricity, factor and factor source
    static final int FIRST_PROCESS_BLOCK_ROW = 11;
    static final int PROCESS_ELECTRICITY_MWH_OFFSET = 54;
    static final int PROCESS_ELECTRICITY_FACTOR_OFFSET = 55;
    static final int PROCESS_FACTOR_SOURCE_OFFSET = 56;

    // E_PurchPrec: block k starts at row 14 + 44k
    static final int PURCHASED_BLOCK_ROWS = 44;
    static final int FIRST_PURCHASED_BLOCK_ROW = 14;
    static final int PURCHASED_ROUTE1_OFFSET = 3;
    static final int CONSUMED_PROCESS1_OFFSET = 14;
    static final int SEE_DIRECT_OFFSET = 35;
    static final int SEE_INDIRECT_OFFSET = 38;

    private TemplateLayout() {}

    static int purchasedBlockRow(int k) {
        return FIRST_PURCHASED_BLOCK_ROW + PURCHASED_BLOCK_ROWS * k;
    }
}
