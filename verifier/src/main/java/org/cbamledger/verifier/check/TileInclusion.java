package org.cbamledger.verifier.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.verifier.bundle.BundlePaths;
import org.cbamledger.verifier.bundle.LayoutProblem;
import org.cbamledger.verifier.bundle.ManifestEntry;
import org.cbamledger.verifier.bundle.TileTree;
import org.cbamledger.verifier.context.BundleContext;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.Loaded;

/**
 * The {@code inclusion-proof} check of a v2 bundle: the hash tiles recompute the largest checkpoint's root (each tile
 * not proven is a FAIL line naming it), and every bundled entry's leaf hash is the one its proven level-0 tile holds.
 */
final class TileInclusion {
    private TileInclusion() {}

    static List<CheckResult> run(BundleContext context) {
        long largest = context.manifest().largestCheckpointSize();
        String checkpointFile = BundlePaths.checkpointFile(largest);
        Loaded<Checkpoint> checkpoint = context.checkpointBody(largest);
        List<CheckResult> results = new ArrayList<>();
        if (!checkpoint.ok()) {
            results.add(CheckResult.fail(InclusionProofCheck.NAME, checkpointFile,
                    "the largest checkpoint is unreadable: " + checkpoint.error()));
            return results;
        }
        TileTree tiles = TileTree.prove(largest, checkpoint.value().rootHash(), context.bundle().tiles());
        for (LayoutProblem problem : tiles.problems()) {
            results.add(CheckResult.fail(InclusionProofCheck.NAME, problem.file(), problem.message()));
        }
        if (tiles.problems().isEmpty()) {
            results.add(CheckResult.pass(InclusionProofCheck.NAME, checkpointFile, context.bundle().tiles().size()
                    + " hash tiles recompute its root hash"));
        }
        for (ManifestEntry entry : context.manifest().entries()) {
            byte[] proven = tiles.leafHash(entry.index());
            byte[] actual = context.leafHash(entry.index());
            String tile = tiles.leafTileFile(entry.index());
            if (proven == null) {
                results.add(CheckResult.fail(InclusionProofCheck.NAME, entry.file(), "not proven included: " + tile
                        + " is missing or not proven into " + checkpointFile));
            } else if (actual == null || !Arrays.equals(proven, actual)) {
                results.add(CheckResult.fail(InclusionProofCheck.NAME, entry.file(), "not included in " + checkpointFile
                        + ": its leaf hash is not the one " + tile + " holds at " + entry.index()));
            } else {
                results.add(CheckResult.pass(InclusionProofCheck.NAME, entry.file(), "included in " + checkpointFile
                        + " (" + tile + ")"));
            }
        }
        return results;
    }
}
