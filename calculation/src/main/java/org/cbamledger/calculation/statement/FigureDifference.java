package org.cbamledger.calculation.statement;

/** A member of a statement whose stated value differs from the recomputed one; a missing side is {@code null}. */
public record FigureDifference(String path, String stated, String recomputed) {

    @Override
    public String toString() {
        return path + ": stated " + stated + ", recomputed " + recomputed;
    }
}
