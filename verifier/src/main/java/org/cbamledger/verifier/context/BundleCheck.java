package org.cbamledger.verifier.context;

import java.util.List;

/**
 * One kind of check over a read bundle. The verifier runs a list of them in order; a new check (for example the
 * statement recompute) is a new implementation added to {@code org.cbamledger.verifier.Verifier.defaultChecks()}.
 * A check reports problems as FAIL results and never throws for bad bundle content.
 */
public interface BundleCheck {
    List<CheckResult> run(BundleContext context);
}
