package org.cbamledger.verifier.check;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.cbamledger.signer.TilePath;
import org.cbamledger.verifier.bundle.BundlePaths;
import org.cbamledger.verifier.bundle.ManifestEntry;
import org.cbamledger.verifier.context.BundleCheck;
import org.cbamledger.verifier.context.BundleContext;
import org.cbamledger.verifier.context.CheckResult;

/** Every entry is a canonical DSSE envelope, and its leaf hash is the one bundle.json (v1) or its level-0 tile (v2) lists. */
public final class EntryFormatCheck implements BundleCheck {
    public static final String FORMAT = "entry-format";
    public static final String LEAF_HASH = "entry-leaf-hash";

    @Override
    public List<CheckResult> run(BundleContext context) {
        List<CheckResult> results = new ArrayList<>();
        for (ManifestEntry entry : context.manifest().entries()) {
            String kind = context.kind(entry.index());
            results.add(kind != null
                    ? CheckResult.pass(FORMAT, entry.file(), "canonical " + kind + " envelope")
                    : CheckResult.fail(FORMAT, entry.file(), context.envelope(entry.index()).error()));
            byte[] leaf = context.leafHash(entry.index());
            if (leaf == null) {
                results.add(CheckResult.fail(LEAF_HASH, entry.file(), context.envelope(entry.index()).error()));
                continue;
            }
            String listing = context.manifest().isV2()
                    ? TilePath.forTreeSize(0, entry.index() >>> TilePath.HEIGHT, context.manifest().treeSize()).path()
                    : BundlePaths.MANIFEST;
            String leafHash = HexFormat.of().formatHex(leaf);
            if (entry.leafHashHex() == null) {
                results.add(CheckResult.fail(LEAF_HASH, entry.file(), "no leaf hash listed: " + listing
                        + " is missing or malformed"));
            } else {
                results.add(leafHash.equals(entry.leafHashHex())
                        ? CheckResult.pass(LEAF_HASH, entry.file(), "leaf hash as listed in " + listing)
                        : CheckResult.fail(LEAF_HASH, entry.file(), "leaf hash " + leafHash + " differs from "
                                + listing + "'s " + entry.leafHashHex()));
            }
        }
        return results;
    }
}
