package org.cbamledger.exchange.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.cbamledger.exchange.WorkedStatement;
import org.cbamledger.spec.RecordValidationException;
import org.cbamledger.spec.RecordValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The aluminium parameters of a supplier's workbook carried into its supplier-precursor-statement, with their cells. */
class SupplierStatementParametersTest {

    @Test
    void ourExportImportedAsASuppliersStatement_givesBothAluminiumParametersTracedToTheirCells() throws Exception {
        for (ObjectNode statement : new ObjectNode[] {WorkedStatement.build(), WorkedStatement.serbian()}) {
            ImportedTemplate read = CommunicationTemplateReader.read(CommunicationTemplateWriter.write(statement, Optional.empty()));
            ObjectNode record = read.supplierStatement(0, "SEE-1", "TR-EXTRUDER-01", false, null);
            RecordValidator.validate(record);
            for (String parameter : new String[] {"preConsumerScrapPercent", "otherElementsPercent"}) {
                assertEquals(0, new BigDecimal(statement.at("/aluminium/" + parameter).asString())
                        .compareTo(new BigDecimal(record.get(parameter).asString())), parameter);
            }
            assertEquals("Summary_Communication!Z26", record.at("/sourceWorkbook/cells/preConsumerScrapPercent").asString());
            assertEquals("Summary_Communication!AB26", record.at("/sourceWorkbook/cells/otherElementsPercent").asString());
        }
    }

    @Test
    void aVersion21Workbook_tracesTheParametersToYAndAa_andAWorkbookWithoutThemGivesARecordWithoutThem() throws Exception {
        SupplierWorkbook v21 = SupplierWorkbook.billets("2.1");
        v21.formulaNumber("Summary_Communication", "Y26", "Summary_Products!Y10", 35.5);
        v21.formulaNumber("Summary_Communication", "AA26", "Summary_Products!AA10", 0.9);
        ObjectNode record = CommunicationTemplateReader.read(v21.bytes()).supplierStatement(0, "S-1", "MY-BILLETS-01", false, null);
        RecordValidator.validate(record);
        assertEquals("35.5", record.get("preConsumerScrapPercent").asString());
        assertEquals("0.9", record.get("otherElementsPercent").asString());
        assertEquals("Summary_Communication!Y26", record.at("/sourceWorkbook/cells/preConsumerScrapPercent").asString());
        assertEquals("Summary_Communication!AA26", record.at("/sourceWorkbook/cells/otherElementsPercent").asString());

        ObjectNode without = CommunicationTemplateReader.read(SupplierWorkbook.billets("2.1.1").bytes())
                .supplierStatement(0, "S-2", "MY-BILLETS-01", false, null);
        RecordValidator.validate(without);
        assertFalse(without.has("preConsumerScrapPercent") || without.has("otherElementsPercent"));
        assertFalse(without.at("/sourceWorkbook/cells").has("preConsumerScrapPercent"));
    }

    @Test
    void theSchemaTakesShares0To100Percent_andRefusesAnyOtherWithTheMember() throws Exception {
        ObjectNode record = CommunicationTemplateReader.read(SupplierWorkbook.billets("2.1.1").bytes())
                .supplierStatement(0, "S-1", "MY-BILLETS-01", false, null);
        for (String share : new String[] {"0", "100", "100.0", "35.5", "0.000000000001"}) {
            record.put("preConsumerScrapPercent", share).put("otherElementsPercent", share);
            RecordValidator.validate(record);
        }
        record.remove("preConsumerScrapPercent");
        for (String share : new String[] {"100.5", "101", "-1", "1e2", "007", "1000"}) {
            record.put("otherElementsPercent", share);
            String message = assertThrows(RecordValidationException.class, () -> RecordValidator.validate(record), share).getMessage();
            assertTrue(message.contains("/otherElementsPercent"), message);
        }
        record.put("otherElementsPercent", 12.5);
        assertThrows(RecordValidationException.class, () -> RecordValidator.validate(record), "a JSON number, not a decimal string");
        record.put("otherElementsPercent", "12.5");
        ((ObjectNode) record.at("/sourceWorkbook/cells")).put("scrapOrigin", "Summary_Communication!Z26");
        assertThrows(RecordValidationException.class, () -> RecordValidator.validate(record), "only figures of the record are traced");
    }
}
