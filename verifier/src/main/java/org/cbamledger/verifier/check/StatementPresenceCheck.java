package org.cbamledger.verifier.check;

import java.util.List;
import org.cbamledger.verifier.BundleCheck;
import org.cbamledger.verifier.BundleContext;
import org.cbamledger.verifier.CheckResult;
import org.cbamledger.verifier.CheckStatus;

/**
 * Says plainly that a bundled statement is not recomputed. The statement recompute check (calculation)
 * replaces this one in {@link org.cbamledger.verifier.Verifier#defaultChecks()}.
 */
public final class StatementPresenceCheck implements BundleCheck {
    public static final String NAME = "statement";

    @Override
    public List<CheckResult> run(BundleContext context) {
        String file = context.manifest().statementFile();
        if (file == null) {
            return List.of();
        }
        return List.of(new CheckResult(NAME, file, CheckStatus.NOT_CHECKED,
                "statement present; this verifier build does not recompute statements"));
    }
}
