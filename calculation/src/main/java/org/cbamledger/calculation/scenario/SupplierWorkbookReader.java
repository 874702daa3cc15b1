package org.cbamledger.calculation.scenario;

import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a supplier's filled EU communication template into its {@code supplier-precursor-statement} record, every
 * figure traced to its cell ({@code sourceWorkbook}). The exchange module provides it through
 * {@link java.util.ServiceLoader}, so that this module stays free of a spreadsheet library; a scenario with
 * workbooks loads wherever exchange is on the class path.
 */
public interface SupplierWorkbookReader {

    /** What the template has no cell for, from the scenario's {@code supplier-workbooks.csv} row. */
    record Row(String cnCode, String statementId, String supplierInstallationId, boolean verified, String verifier) {}

    /** The record of the product {@code row.cnCode()} of {@code workbook}; errors name the sheet and cell. */
    ObjectNode statement(byte[] workbook, Row row) throws Exception;
}
