package org.cbamledger.verifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.verifier.bundle.Bundle;
import org.cbamledger.verifier.bundle.BundleException;
import org.cbamledger.verifier.bundle.BundlePaths;
import org.cbamledger.verifier.bundle.BundleReader;
import org.cbamledger.verifier.bundle.ZipBundles;
import org.cbamledger.verifier.check.CalculationCheck;
import org.cbamledger.verifier.check.CheckpointSignatureCheck;
import org.cbamledger.verifier.check.ConsistencyProofCheck;
import org.cbamledger.verifier.check.CoverageCheck;
import org.cbamledger.verifier.check.DocumentCheck;
import org.cbamledger.verifier.check.EntryFormatCheck;
import org.cbamledger.verifier.check.EntrySignatureCheck;
import org.cbamledger.verifier.check.InclusionProofCheck;
import org.cbamledger.verifier.check.IndexCheck;
import org.cbamledger.verifier.check.LayoutCheck;
import org.cbamledger.verifier.check.LogKeyCheck;
import org.cbamledger.verifier.check.StatementCheck;
import org.cbamledger.verifier.check.StatementPdfCheck;
import org.cbamledger.verifier.check.StatementWorkbookCheck;
import org.cbamledger.verifier.check.TimestampCheck;
import org.cbamledger.verifier.check.WitnessCosignatureCheck;
import org.cbamledger.verifier.context.BundleCheck;
import org.cbamledger.verifier.context.BundleContext;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.EntryScan;
import org.cbamledger.verifier.context.LogKeys;
import org.cbamledger.verifier.policy.TrustPolicy;

/**
 * Checks an evidence bundle offline, trusting nothing the server computed: only the pinned keys (or, when
 * none are pinned, the bundle's own, reported as such) and the math. Plain Java: runs in a CLI, a test or
 * a service alike.
 */
public final class Verifier {
    /** The manifest cannot be read: no other check can run. */
    public static final String MANIFEST_CHECK = "bundle-manifest";

    private final List<BundleCheck> checks;
    private final PhaseTimer timer;

    public Verifier() {
        this(defaultChecks());
    }

    public Verifier(List<BundleCheck> checks) {
        this(checks, PhaseTimer.NONE);
    }

    private Verifier(List<BundleCheck> checks, PhaseTimer timer) {
        this.checks = List.copyOf(checks);
        this.timer = timer;
    }

    /** The same checks, each phase's time told to {@code timer}. */
    public Verifier timed(PhaseTimer timer) {
        return new Verifier(checks, timer);
    }

    /** The checks run by default, in order; add a check here to make every verification run it. */
    public static List<BundleCheck> defaultChecks() {
        return List.of(
                new LayoutCheck(),
                new LogKeyCheck(),
                new CheckpointSignatureCheck(),
                new WitnessCosignatureCheck(),
                new TimestampCheck(),
                new EntryFormatCheck(),
                new EntrySignatureCheck(),
                new InclusionProofCheck(),
                new CoverageCheck(),
                new IndexCheck(),
                new ConsistencyProofCheck(),
                new DocumentCheck(),
                new org.cbamledger.verifier.check.SupplierWorkbookCheck(),
                new CalculationCheck(),
                new org.cbamledger.verifier.check.ElectricityCheck(), new org.cbamledger.verifier.check.UniquenessCheck(),
                new StatementCheck(),
                new StatementPdfCheck(),
                new StatementWorkbookCheck());
    }

    /** {@code pinnedLogKeys} empty: the bundle's log-key.vkey is used, and reported as not pinned. */
    public VerificationReport verify(Path bundleDir, List<NoteVerifier> pinnedLogKeys) throws IOException {
        return verify(bundleDir, pinnedLogKeys, Set.of());
    }

    /**
     * @param bundleDir a bundle directory, or a .zip holding the same tree
     * @param pinnedRootKeyIds key ids the log's self-registered root key must be one of; empty: not pinned
     * @throws IOException when the bundle cannot be read at all (not for bad content: that is a FAIL line)
     */
    public VerificationReport verify(Path bundleDir, List<NoteVerifier> pinnedLogKeys, Set<String> pinnedRootKeyIds)
            throws IOException {
        return verify(bundleDir, TrustPolicy.of(pinnedLogKeys, pinnedRootKeyIds));
    }

    /**
     * @param bundleDir a bundle directory, or a .zip holding the same tree
     * @param policy what is pinned; {@link TrustPolicy#NONE}: the bundle's own log key is used and the run is
     *     {@link VerificationReport.Outcome#UNTRUSTED} at best
     * @throws IOException when the bundle cannot be read at all (not for bad content: that is a FAIL line)
     */
    public VerificationReport verify(Path bundleDir, TrustPolicy policy) throws IOException {
        if (!Files.exists(bundleDir)) {
            throw new IOException("bundle not found: " + bundleDir);
        }
        if (Files.isRegularFile(bundleDir) && ZipBundles.isZip(bundleDir)) {
            try (FileSystem zip = ZipBundles.open(bundleDir)) {
                return verifyTree(bundleDir.toString(), zip.getPath("/"), policy);
            }
        }
        if (!Files.isDirectory(bundleDir)) {
            throw new IOException("not a bundle directory or .zip: " + bundleDir);
        }
        return verifyTree(bundleDir.toString(), bundleDir, policy);
    }

    private VerificationReport verifyTree(String name, Path root, TrustPolicy policy) throws IOException {
        Bundle bundle;
        long started = System.nanoTime();
        EntryScan packedEntries = new EntryScan();
        try {
            bundle = BundleReader.read(root, packedEntries);
            timer.took("bundle-layout", System.nanoTime() - started);
        } catch (BundleException e) {
            packedEntries.close();
            return new VerificationReport(name, null,
                    List.of(CheckResult.fail(MANIFEST_CHECK, BundlePaths.MANIFEST, e.getMessage())),
                    policy.logKeysPinned());
        } catch (IOException | RuntimeException e) {
            packedEntries.close(); // the temporary file of the entries scanned so far goes too
            throw e;
        }
        if (!bundle.manifest().isV2()) {
            packedEntries.close(); // a v1 bundle's entries are read on first need, by the context
        }
        List<NoteVerifier> trusted = policy.logKeysPinned() ? policy.logKeyVerifiers() : bundledLogKeys(bundle);
        try (BundleContext context = new BundleContext(bundle, trusted, policy,
                bundle.manifest().isV2() ? packedEntries : null)) {
            List<CheckResult> results = new ArrayList<>();
            results.add(CheckResult.pass(MANIFEST_CHECK, BundlePaths.MANIFEST, "canonical " + BundlePaths.FORMAT
                    + " manifest of " + bundle.manifest().origin()));
            started = System.nanoTime();
            context.readEntries();
            timer.took("entries", System.nanoTime() - started);
            for (BundleCheck check : checks) {
                started = System.nanoTime();
                results.addAll(check.run(context));
                timer.took(check.getClass().getSimpleName(), System.nanoTime() - started);
            }
            return new VerificationReport(name, bundle.manifest(), results, policy.logKeysPinned());
        }
    }

    /** The keys of log-key.vkey, or none if it is unreadable (LogKeyCheck reports why). */
    private static List<NoteVerifier> bundledLogKeys(Bundle bundle) {
        try {
            byte[] bytes = bundle.read(BundlePaths.LOG_KEY, Bundle.MAX_TEXT_BYTES);
            return LogKeys.parseFile(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException | BundleException e) {
            return List.of();
        }
    }
}
