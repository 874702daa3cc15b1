package org.cbamledger.archive;

/**
 * Object-lock retention requested for archived documents. GOVERNANCE lets an operator holding the bypass
 * permission erase a document (GDPR); COMPLIANCE forbids any deletion until the period ends.
 */
public record RetentionPolicy(Mode mode, int days) {
    public enum Mode {
        NONE,
        GOVERNANCE,
        COMPLIANCE
    }

    public static final RetentionPolicy NONE = new RetentionPolicy(Mode.NONE, 0);

    public RetentionPolicy {
        if (mode != Mode.NONE && days <= 0) {
            throw new IllegalArgumentException("retention of mode " + mode + " needs a positive number of days");
        }
    }
}
