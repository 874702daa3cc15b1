package org.cbamledger.calculation.rules;

/** Whether a value comes from the legal text ({@code confirmed}) or only from secondary or draft material. */
public enum RuleStatus {
    CONFIRMED("confirmed"),
    UNCONFIRMED("unconfirmed");

    private final String wireName;

    RuleStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static RuleStatus fromWire(String name) {
        for (RuleStatus status : values()) {
            if (status.wireName.equals(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("status must be confirmed or unconfirmed, not " + name);
    }
}
