package org.cbamledger.verifier.check;

import java.util.List;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.verifier.bundle.BundleException;
import org.cbamledger.verifier.bundle.BundlePaths;
import org.cbamledger.verifier.context.BundleCheck;
import org.cbamledger.verifier.context.BundleContext;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
import org.cbamledger.verifier.context.Loaded;
import org.cbamledger.verifier.context.LogKeys;

/** log-key.vkey must be well formed; whether the checkpoints are checked against it or a pinned key is reported. */
public final class LogKeyCheck implements BundleCheck {
    public static final String NAME = "log-key";

    @Override
    public List<CheckResult> run(BundleContext context) {
        Loaded<String> text = context.text(BundlePaths.LOG_KEY);
        List<NoteVerifier> bundled;
        try {
            if (!text.ok()) {
                throw new BundleException(text.error());
            }
            bundled = LogKeys.parseFile(text.value());
        } catch (BundleException e) {
            return List.of(CheckResult.fail(NAME, BundlePaths.LOG_KEY, e.getMessage()));
        }
        String names = String.join(", ", bundled.stream().map(NoteVerifier::keyName).toList());
        if (context.logKeysPinned()) {
            String pinned = String.join(", ", context.policy().logKeyVerifiers().stream().map(NoteVerifier::keyName).toList());
            return List.of(CheckResult.pass(NAME, BundlePaths.LOG_KEY,
                    "checkpoints checked against pinned log key(s) " + pinned + "; the bundle names " + names));
        }
        return List.of(new CheckResult(NAME, BundlePaths.LOG_KEY, CheckStatus.NOT_PINNED,
                "checkpoints checked against the bundle's own log key(s) " + names
                        + ": pin the log key with --log-key to rely on them"));
    }
}
