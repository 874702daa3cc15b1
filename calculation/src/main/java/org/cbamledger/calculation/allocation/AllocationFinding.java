package org.cbamledger.calculation.allocation;

/** A gap the allocation found: a model meter without a meter record or readings, an unreconciled total, a line without output. */
public record AllocationFinding(Type type, String subject, String detail) {
    public enum Type {
        MISSING_METER("missing-meter"),
        MISSING_INTERVAL("missing-interval"),
        UNRECONCILED("unreconciled-total"),
        LINE_WITHOUT_OUTPUT("line-without-output"),
        NO_ALLOCATION_MODEL("no-allocation-model");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
