package org.cbamledger.verifier;

import java.util.List;
import org.cbamledger.verifier.bundle.BundleManifest;

/** Every check's result for one bundle. {@code manifest} is null when bundle.json could not be read. */
public record VerificationReport(String bundle, BundleManifest manifest, List<CheckResult> results) {

    public VerificationReport {
        results = List.copyOf(results);
    }

    public boolean passed() {
        return !results.isEmpty() && results.stream().noneMatch(CheckResult::failed);
    }

    public List<CheckResult> failures() {
        return results.stream().filter(CheckResult::failed).toList();
    }
}
