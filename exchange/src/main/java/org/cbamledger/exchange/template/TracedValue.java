package org.cbamledger.exchange.template;

/** One figure read from a supplier's workbook and the sheet and cell it came from. */
public record TracedValue(String field, String value, String sheet, String cell) {
    public String reference() {
        return sheet + "!" + cell;
    }
}
