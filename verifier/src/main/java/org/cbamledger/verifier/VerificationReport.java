package org.cbamledger.verifier;

import java.util.List;
import org.cbamledger.verifier.bundle.BundleManifest;
import org.cbamledger.verifier.context.CheckResult;

/**
 * Every check's result for one bundle. {@code manifest} is null when bundle.json could not be read; {@code trusted}
 * says whether the checks rested on a pinned log key rather than on the bundle's own.
 */
public record VerificationReport(String bundle, BundleManifest manifest, List<CheckResult> results, boolean trusted) {

    /** The outcome of a run: PASSED only when every check held against pinned keys. */
    public enum Outcome {
        PASSED,
        /** Every check held, but only against keys the bundle brought itself: nothing ties it to a known log. */
        UNTRUSTED,
        FAILED
    }

    public VerificationReport {
        results = List.copyOf(results);
    }

    public Outcome outcome() {
        return !passed() ? Outcome.FAILED : trusted ? Outcome.PASSED : Outcome.UNTRUSTED;
    }

    public boolean passed() {
        return !results.isEmpty() && results.stream().noneMatch(CheckResult::failed);
    }

    public List<CheckResult> failures() {
        return results.stream().filter(CheckResult::failed).toList();
    }
}
