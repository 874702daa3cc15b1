package org.cbamledger.verifier;

/**
 * Told how long each phase of a verification took (VerifyCommand --timings): reading the bundle's layout (with a v2
 * bundle's entries, scanned as its packs are listed), reading a v1 bundle's entries, then each check in order. For finding where a long run goes; the report does not depend on it.
 */
@FunctionalInterface
public interface PhaseTimer {
    PhaseTimer NONE = (phase, nanos) -> {};

    void took(String phase, long nanos);
}
