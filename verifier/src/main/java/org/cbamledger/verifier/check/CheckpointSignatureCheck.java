package org.cbamledger.verifier.check;

import java.util.ArrayList;
import java.util.List;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.CheckpointVerifier;
import org.cbamledger.signer.SignedNote;
import org.cbamledger.signer.SignerException;
import org.cbamledger.verifier.bundle.BundlePaths;
import org.cbamledger.verifier.context.BundleCheck;
import org.cbamledger.verifier.context.BundleContext;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.Loaded;

/**
 * Every bundled checkpoint is signed by a trusted log key valid at its size (a pinned key's policy window, so a
 * retired key cannot sign later checkpoints alone), for the bundle's origin, with the size its name says.
 */
public final class CheckpointSignatureCheck implements BundleCheck {
    public static final String NAME = "checkpoint-signature";

    @Override
    public List<CheckResult> run(BundleContext context) {
        List<CheckResult> results = new ArrayList<>();
        for (long size : context.manifest().checkpointSizes()) {
            results.add(check(context, size));
        }
        return results;
    }

    private static CheckResult check(BundleContext context, long size) {
        String file = BundlePaths.checkpointFile(size);
        Loaded<String> note = context.text(file);
        if (!note.ok()) {
            return CheckResult.fail(NAME, file, note.error());
        }
        if (context.trustedLogKeys().isEmpty()) {
            return CheckResult.fail(NAME, file, "no trusted log key to check the signature with");
        }
        if (context.logKeysAt(size).isEmpty()) {
            return CheckResult.fail(NAME, file, "no pinned log key is valid at size " + size + " (policy windows: "
                    + String.join(", ", context.policy().logKeys().stream()
                            .map(k -> k.key().keyName() + " " + k.window()).toList()) + ")");
        }
        try {
            if (!SignedNote.parse(note.value()).format().equals(note.value())) {
                return CheckResult.fail(NAME, file, "signed note does not re-encode to its own bytes");
            }
            Checkpoint checkpoint =
                    CheckpointVerifier.verify(note.value(), context.logKeysAt(size), context.manifest().origin());
            if (checkpoint.size() != size) {
                return CheckResult.fail(NAME, file, "checkpoint is for size " + checkpoint.size()
                        + ", its file name says " + size);
            }
            return CheckResult.pass(NAME, file, "signed by the log key for " + checkpoint.origin() + ", size " + size);
        } catch (SignerException e) {
            return CheckResult.fail(NAME, file, e.getMessage());
        }
    }
}
