package org.cbamledger.verifier.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.verifier.bundle.BundlePaths;
import org.cbamledger.verifier.bundle.Coverage;
import org.cbamledger.verifier.bundle.ManifestEntry;
import org.cbamledger.verifier.context.BundleCheck;
import org.cbamledger.verifier.context.BundleContext;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
import org.cbamledger.verifier.context.Loaded;

/**
 * A range bundle holds every leaf of the range it states (api-spec/BUNDLE.md, "Coverage"): each missing index is its
 * own FAIL line. For the whole log, [0, treeSize), the leaves' hashes must also recompute the root of the bundle's
 * checkpoint. Room coverage is checked against the log's index; a bundle stating no coverage gets one
 * NOT_CHECKED line.
 */
public final class CoverageCheck implements BundleCheck {
    public static final String NAME = "coverage";
    /** Beyond this many missing leaves one line says how many more. */
    static final int MISSING_NAMED = 1_000;

    @Override
    public List<CheckResult> run(BundleContext context) {
        Coverage coverage = context.manifest().coverage();
        if (coverage == null) {
            return List.of(new CheckResult(NAME, BundlePaths.MANIFEST, CheckStatus.NOT_CHECKED,
                    "bundle.json states no coverage (written before coverage): the bundle may omit entries unseen"));
        }
        if (!(coverage instanceof Coverage.Range range)) {
            return List.of();
        }
        Map<Long, ManifestEntry> bundled = new TreeMap<>();
        context.manifest().entries().forEach(e -> bundled.put(e.index(), e));
        List<CheckResult> results = new ArrayList<>();
        long missing = 0;
        LeafRoot root = new LeafRoot();
        for (long index = range.fromIndex(); index < range.toIndex(); index++) {
            ManifestEntry entry = bundled.get(index);
            if (entry == null) {
                if (++missing <= MISSING_NAMED) {
                    results.add(CheckResult.fail(NAME, context.manifest().leafSubject(index), "missing: leaf " + index
                            + " lies in the bundle's coverage [" + range.fromIndex() + ", " + range.toIndex() + ")"));
                }
            } else {
                root.add(HexFormat.of().parseHex(entry.leafHashHex()));
            }
        }
        if (missing > MISSING_NAMED) {
            results.add(CheckResult.fail(NAME, BundlePaths.MANIFEST, (missing - MISSING_NAMED)
                    + " more leaves of the coverage are missing"));
        }
        if (missing == 0) {
            results.add(wholeLog(context, range, root));
        }
        return results;
    }

    private static CheckResult wholeLog(BundleContext context, Coverage.Range range, LeafRoot root) {
        long size = context.manifest().treeSize();
        String span = "[" + range.fromIndex() + ", " + range.toIndex() + ")";
        if (range.fromIndex() != 0 || range.toIndex() != size) {
            return CheckResult.pass(NAME, BundlePaths.MANIFEST, "every leaf of " + span + " is bundled");
        }
        Loaded<Checkpoint> checkpoint = context.checkpointBody(size);
        if (!checkpoint.ok()) {
            return CheckResult.fail(NAME, BundlePaths.checkpointFile(size), checkpoint.error());
        }
        if (!Arrays.equals(root.root(), checkpoint.value().rootHash())) {
            return CheckResult.fail(NAME, BundlePaths.checkpointFile(size),
                    "the bundled leaves of " + span + " do not recompute the checkpoint's root hash");
        }
        return CheckResult.pass(NAME, BundlePaths.MANIFEST, "every leaf of the log " + span
                + " is bundled and they recompute the checkpoint's root hash");
    }
}
