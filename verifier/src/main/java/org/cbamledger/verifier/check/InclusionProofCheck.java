package org.cbamledger.verifier.check;

import java.util.ArrayList;
import java.util.List;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.InclusionProofVerifier;
import org.cbamledger.signer.ProofException;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.TlogProof;
import org.cbamledger.verifier.bundle.BundlePaths;
import org.cbamledger.verifier.bundle.ManifestEntry;
import org.cbamledger.verifier.context.BundleCheck;
import org.cbamledger.verifier.context.BundleContext;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.Loaded;

/**
 * v1: every entry's tlog-proof proves the entry file's leaf hash into the bundle's largest checkpoint, and the
 * checkpoint embedded in the proof is that checkpoint, byte for byte. v2: the hash tiles prove every bundled leaf
 * hash into that checkpoint ({@link TileInclusion}).
 */
public final class InclusionProofCheck implements BundleCheck {
    public static final String NAME = "inclusion-proof";

    @Override
    public List<CheckResult> run(BundleContext context) {
        if (context.manifest().isV2()) {
            return TileInclusion.run(context);
        }
        long largest = context.manifest().largestCheckpointSize();
        String checkpointFile = BundlePaths.checkpointFile(largest);
        Loaded<String> note = context.text(checkpointFile);
        Loaded<Checkpoint> checkpoint = context.checkpointBody(largest);
        List<CheckResult> results = new ArrayList<>();
        for (ManifestEntry entry : context.manifest().entries()) {
            String file = BundlePaths.proofFile(entry.index());
            String problem = note.ok() && checkpoint.ok()
                    ? problem(context, entry, file, note.value(), checkpoint.value(), checkpointFile)
                    : "the largest checkpoint " + checkpointFile + " is unreadable: "
                            + (note.ok() ? checkpoint.error() : note.error());
            results.add(problem == null
                    ? CheckResult.pass(NAME, file, entry.file() + " is included in " + checkpointFile)
                    : CheckResult.fail(NAME, file, problem));
        }
        return results;
    }

    private static String problem(BundleContext context, ManifestEntry entry, String file, String note,
            Checkpoint checkpoint, String checkpointFile) {
        Loaded<String> text = context.text(file);
        if (!text.ok()) {
            return text.error();
        }
        TlogProof proof;
        try {
            proof = TlogProof.parse(text.value());
        } catch (SignerException e) {
            return "not a tlog-proof: " + e.getMessage();
        }
        if (!proof.format().equals(text.value())) {
            return "tlog-proof does not re-encode to its own bytes";
        }
        if (proof.index() != entry.index()) {
            return "proof is for index " + proof.index() + ", expected " + entry.index();
        }
        if (!proof.signedCheckpoint().equals(note)) {
            return "the proof's checkpoint differs from " + checkpointFile;
        }
        byte[] leafHash = context.leafHash(entry.index());
        if (leafHash == null) {
            return "entry not readable: " + context.envelope(entry.index()).error();
        }
        try {
            InclusionProofVerifier.verify(entry.index(), checkpoint.size(), leafHash,
                    proof.hashes(), checkpoint.rootHash());
            return null;
        } catch (ProofException e) {
            return entry.file() + " is not proven included in " + checkpointFile + ": " + e.getMessage();
        }
    }
}
