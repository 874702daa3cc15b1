package org.cbamledger.spec;

import java.util.List;

/** A record does not match its kind's schema or rules; the message is exact, the details list every violation. */
public final class RecordValidationException extends Exception {
    private final List<String> violations;

    public RecordValidationException(String message) {
        this(message, List.of());
    }

    public RecordValidationException(String message, List<String> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    /** Every schema violation, "<instance location>: <message>"; empty when the message says it all. */
    public List<String> violations() {
        return violations;
    }
}
