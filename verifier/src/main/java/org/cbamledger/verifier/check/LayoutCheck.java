package org.cbamledger.verifier.check;

import java.util.ArrayList;
import java.util.List;
import org.cbamledger.verifier.bundle.BundlePaths;
import org.cbamledger.verifier.bundle.LayoutProblem;
import org.cbamledger.verifier.context.BundleCheck;
import org.cbamledger.verifier.context.BundleContext;
import org.cbamledger.verifier.context.CheckResult;

/** The files present are exactly those bundle.json and the layout name: none missing, none extra. */
public final class LayoutCheck implements BundleCheck {
    public static final String NAME = "bundle-layout";

    @Override
    public List<CheckResult> run(BundleContext context) {
        List<CheckResult> results = new ArrayList<>();
        for (LayoutProblem problem : context.bundle().layoutProblems()) {
            results.add(CheckResult.fail(NAME, problem.file(), problem.message()));
        }
        if (results.isEmpty()) {
            results.add(CheckResult.pass(NAME, BundlePaths.MANIFEST,
                    context.bundle().fileCount() + " files, exactly those bundle.json lists"));
        }
        return results;
    }
}
