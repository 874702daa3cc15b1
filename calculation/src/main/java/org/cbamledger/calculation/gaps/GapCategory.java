package org.cbamledger.calculation.gaps;

/** The sections of a gap report (issue 4): what is missing, what does not add up, which claims lack evidence. */
public enum GapCategory {
    MISSING_METER("missing-meter"),
    MISSING_INTERVAL("missing-interval"),
    UNRECONCILED_TOTAL("unreconciled-total"),
    CLAIM_LACKING_EVIDENCE("claim-lacking-evidence"),
    OTHER("other");

    private final String wireName;

    GapCategory(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
