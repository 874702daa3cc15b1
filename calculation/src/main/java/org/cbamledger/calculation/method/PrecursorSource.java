package org.cbamledger.calculation.method;

/** Which values a precursor's embedded emissions were taken from. */
public enum PrecursorSource {
    /** the supplier installation's verified statement of specific embedded emissions */
    SUPPLIER_STATEMENT("supplier-statement"),
    /** default values with mark-up: no verified supplier statement */
    DEFAULT_VALUE("default-value"),
    /** EU (or exempt) origin: zero embedded emissions */
    ZERO_ORIGIN("zero-origin");

    private final String wireName;

    PrecursorSource(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
