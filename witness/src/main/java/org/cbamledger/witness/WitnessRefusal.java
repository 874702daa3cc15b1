package org.cbamledger.witness;

/**
 * An add-checkpoint request the witness refuses, with the HTTP status C2SP tlog-witness assigns to the case;
 * {@code knownSize} is set for a 409 that tells the log the size the witness holds ({@code text/x.tlog.size}).
 */
public final class WitnessRefusal extends Exception {
    private final int status;
    private final Long knownSize;

    public WitnessRefusal(int status, String message) {
        this(status, message, null);
    }

    public WitnessRefusal(int status, String message, Long knownSize) {
        super(message);
        this.status = status;
        this.knownSize = knownSize;
    }

    public int status() {
        return status;
    }

    public Long knownSize() {
        return knownSize;
    }
}
