package org.cbamledger.calculation.electricity;

/** What the electricity evidence lacks; the gap report names each one. */
public enum FindingType {
    NO_METER_READINGS("missing-meter-data"),
    MISSING_INTERVAL("missing-interval"),
    SUSPECT_INTERVAL("suspect-interval"),
    NO_GENERATOR_DATA("no-generator-data"),
    NO_SETTLEMENT("no-settlement"),
    NO_GO_CANCELLATION("no-go-cancellation"),
    GO_DOUBLE_CLAIM("go-double-claim"),
    SETTLEMENT_EXCEEDS_GO("settlement-exceeds-go-cancellation"),
    UNVERIFIED_REPLACEMENT("unverified-replacement"),
    NO_PRODUCER_DECLARATION("no-producer-declaration");

    private final String wireName;

    FindingType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
