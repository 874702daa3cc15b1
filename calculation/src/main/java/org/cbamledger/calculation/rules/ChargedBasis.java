package org.cbamledger.calculation.rules;

/** Which embedded emissions certificates are charged on. */
public enum ChargedBasis {
    /** direct emissions of the installation and of its precursors (aluminium in the definitive period) */
    DIRECT("direct"),
    /** direct plus indirect emissions, as seed 001 does */
    TOTAL("total");

    private final String wireName;

    ChargedBasis(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ChargedBasis fromWire(String name) {
        for (ChargedBasis basis : values()) {
            if (basis.wireName.equals(name)) {
                return basis;
            }
        }
        throw new IllegalArgumentException("charged basis must be direct or total, not " + name);
    }
}
