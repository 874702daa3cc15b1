package org.cbamledger.verifier.check;

import java.util.ArrayList;
import java.util.List;
import org.cbamledger.signer.Cosignature;
import org.cbamledger.signer.CosignatureVerifier;
import org.cbamledger.signer.NoteSignature;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.signer.SignedNote;
import org.cbamledger.signer.SignerException;
import org.cbamledger.verifier.bundle.BundlePaths;
import org.cbamledger.verifier.context.BundleCheck;
import org.cbamledger.verifier.context.BundleContext;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
import org.cbamledger.verifier.context.Loaded;

/**
 * Witness cosignatures (C2SP tlog-cosignature) on the bundled checkpoints: every line by a pinned witness must
 * verify, and the bundle's checkpoint (the largest, which every proof leads to) needs the policy's quorum of
 * distinct pinned witnesses. A fork or a rewritten history cannot gather it: the witnesses refuse to cosign it.
 */
public final class WitnessCosignatureCheck implements BundleCheck {
    public static final String NAME = "witness-cosignature";

    @Override
    public List<CheckResult> run(BundleContext context) {
        List<CheckResult> results = new ArrayList<>();
        long largest = context.manifest().largestCheckpointSize();
        for (long size : context.manifest().checkpointSizes()) {
            String file = BundlePaths.checkpointFile(size);
            Loaded<String> text = context.text(file);
            if (!text.ok()) {
                continue; // checkpoint-signature reports it
            }
            SignedNote note;
            try {
                note = SignedNote.parse(text.value());
            } catch (SignerException e) {
                continue;
            }
            CheckResult result = check(context, note, file, size == largest);
            if (result != null) {
                results.add(result);
            }
        }
        return results;
    }

    private static CheckResult check(BundleContext context, SignedNote note, String file, boolean largest) {
        List<CosignatureVerifier> witnesses = context.policy().witnesses();
        List<Cosignature> verified;
        try {
            verified = CosignatureVerifier.verifyAll(note, witnesses);
        } catch (SignerException e) {
            return CheckResult.fail(NAME, file, e.getMessage());
        }
        int quorum = context.policy().quorum();
        String names = String.join(", ", verified.stream().map(c -> c.witnessName() + " at " + c.time()).toList());
        if (witnesses.isEmpty()) {
            long others = note.signatures().stream().filter(s -> !byLogKey(context, s)).count();
            return largest && others > 0 ? new CheckResult(NAME, file, CheckStatus.NOT_PINNED, "carries " + others
                    + " cosignature line(s), not checked: pin witness keys and a quorum with --policy") : null;
        }
        if (largest && verified.size() < quorum) {
            return CheckResult.fail(NAME, file, "cosigned by " + verified.size() + " pinned witness(es)"
                    + (verified.isEmpty() ? "" : " (" + names + ")") + ", the policy's quorum is " + quorum);
        }
        if (verified.isEmpty()) {
            return null;
        }
        return CheckResult.pass(NAME, file, "cosigned by " + verified.size() + " pinned witness(es)"
                + (largest ? " of quorum " + quorum : "") + ": " + names);
    }

    private static boolean byLogKey(BundleContext context, NoteSignature signature) {
        for (NoteVerifier key : context.trustedLogKeys()) {
            if (key.keyName().equals(signature.keyName()) && java.util.Arrays.equals(key.keyHash(), signature.keyHash())) {
                return true;
            }
        }
        return false;
    }
}
