package org.cbamledger.calculation.electricity;

/** The time resolution a volume was matched at: hourly where both sides have hourly data, else monthly. */
public enum Resolution {
    HOURLY("hourly"),
    MONTHLY("monthly");

    private final String wireName;

    Resolution(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
