package org.cbamledger.exchange.template;

import org.cbamledger.calculation.scenario.SupplierWorkbookReader;
import tools.jackson.databind.node.ObjectNode;

/** The scenario loader's reader of suppliers' workbooks (registered in META-INF/services). */
public final class TemplateStatementReader implements SupplierWorkbookReader {

    @Override
    public ObjectNode statement(byte[] workbook, Row row) throws TemplateException {
        ImportedTemplate read = CommunicationTemplateReader.read(workbook);
        return read.supplierStatement(read.product(row.cnCode()), row.statementId(), row.supplierInstallationId(),
                row.verified(), row.verifier());
    }
}
