package org.cbamledger.verifier.check;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.Merkle;
import org.cbamledger.verifier.BundleCheck;
import org.cbamledger.verifier.BundleContext;
import org.cbamledger.verifier.CheckResult;
import org.cbamledger.verifier.Loaded;
import org.cbamledger.verifier.bundle.BundlePaths;
import org.cbamledger.verifier.bundle.ManifestEntry;

/** Every entry file is a canonical DSSE envelope, and its leaf hash is the one bundle.json lists. */
public final class EntryFormatCheck implements BundleCheck {
    public static final String FORMAT = "entry-format";
    public static final String LEAF_HASH = "entry-leaf-hash";

    @Override
    public List<CheckResult> run(BundleContext context) {
        List<CheckResult> results = new ArrayList<>();
        for (ManifestEntry entry : context.manifest().entries()) {
            Loaded<Envelope> envelope = context.envelope(entry.index());
            results.add(envelope.ok()
                    ? CheckResult.pass(FORMAT, entry.file(), "canonical " + envelope.value().kind() + " envelope")
                    : CheckResult.fail(FORMAT, entry.file(), envelope.error()));
            Loaded<byte[]> bytes = context.entryBytes(entry.index());
            if (!bytes.ok()) {
                results.add(CheckResult.fail(LEAF_HASH, entry.file(), bytes.error()));
                continue;
            }
            String leafHash = HexFormat.of().formatHex(Merkle.leafHash(bytes.value()));
            results.add(leafHash.equals(entry.leafHashHex())
                    ? CheckResult.pass(LEAF_HASH, entry.file(), "leaf hash as listed in " + BundlePaths.MANIFEST)
                    : CheckResult.fail(LEAF_HASH, entry.file(), "leaf hash " + leafHash + " differs from "
                            + BundlePaths.MANIFEST + "'s " + entry.leafHashHex()));
        }
        return results;
    }
}
