package org.cbamledger.verifier.check;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.cbamledger.signer.Rfc3161;
import org.cbamledger.signer.SignedNote;
import org.cbamledger.signer.SignerException;
import org.cbamledger.verifier.bundle.Bundle;
import org.cbamledger.verifier.bundle.BundlePaths;
import org.cbamledger.verifier.bundle.ManifestEntry;
import org.cbamledger.verifier.context.BundleCheck;
import org.cbamledger.verifier.context.BundleContext;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
import org.cbamledger.verifier.context.Loaded;

/**
 * RFC 3161 tokens over bundled checkpoints ({@code timestamps/N.tsr}): the imprint is SHA-256 of checkpoint N's
 * note text, the signer one of the policy's TSA certificates. Then, for every bundled entry, the earliest such
 * time of a checkpoint that includes it: the entry existed no later than that (check {@code existed-by}; the
 * checkpoint's consistency with the bundle's checkpoint is the consistency-chain check's).
 */
public final class TimestampCheck implements BundleCheck {
    public static final String NAME = "timestamp";
    public static final String EXISTED_BY = "existed-by";

    @Override
    public List<CheckResult> run(BundleContext context) {
        List<CheckResult> results = new ArrayList<>();
        List<X509Certificate> pinned = context.policy().tsaCertificates();
        TreeMap<Long, Instant> times = new TreeMap<>();
        for (long size : context.manifest().timestampSizes()) {
            String file = BundlePaths.timestampFile(size);
            try {
                Instant time = verify(context, size, pinned);
                if (pinned.isEmpty()) {
                    results.add(new CheckResult(NAME, file, CheckStatus.NOT_PINNED, "checkpoint " + size
                            + " existed no later than " + time + " by the token's own certificate "
                            + Rfc3161.embeddedCertificates(token(context, size)).getFirst().getSubjectX500Principal()
                            + ": pin TSA certificates with --policy to rely on it"));
                } else {
                    times.put(size, time);
                    results.add(CheckResult.pass(NAME, file, "checkpoint " + size + " existed no later than " + time));
                }
            } catch (SignerException e) {
                results.add(CheckResult.fail(NAME, file, e.getMessage()));
            }
        }
        if (!pinned.isEmpty()) {
            results.addAll(existedBy(context, times));
        }
        return results;
    }

    private static Instant verify(BundleContext context, long size, List<X509Certificate> pinned)
            throws SignerException {
        Loaded<String> note = context.text(BundlePaths.checkpointFile(size));
        if (!note.ok()) {
            throw new SignerException("its checkpoint is unreadable: " + note.error());
        }
        byte[] token = token(context, size);
        byte[] imprint = Rfc3161.imprint(SignedNote.parse(note.value()).text());
        return Rfc3161.verify(token, imprint, pinned.isEmpty() ? Rfc3161.embeddedCertificates(token) : pinned);
    }

    private static byte[] token(BundleContext context, long size) throws SignerException {
        Loaded<byte[]> token = context.bytes(BundlePaths.timestampFile(size), Bundle.MAX_TEXT_BYTES);
        if (!token.ok()) {
            throw new SignerException(token.error());
        }
        return token.value();
    }

    /** Per entry, the earliest verified time among timestamped checkpoints larger than its index. */
    private static List<CheckResult> existedBy(BundleContext context, TreeMap<Long, Instant> times) {
        List<CheckResult> results = new ArrayList<>();
        TreeMap<Long, Instant> earliestFrom = new TreeMap<>(); // size -> min time over that size and larger
        Instant running = null;
        for (var e : times.descendingMap().entrySet()) {
            running = running == null || e.getValue().isBefore(running) ? e.getValue() : running;
            earliestFrom.put(e.getKey(), running);
        }
        int uncovered = 0;
        for (ManifestEntry entry : context.manifest().entries()) {
            var covering = earliestFrom.higherEntry(entry.index());
            if (covering == null) {
                uncovered++;
            } else {
                results.add(CheckResult.pass(EXISTED_BY, entry.file(), "existed no later than " + covering.getValue()));
            }
        }
        if (uncovered > 0) {
            results.add(new CheckResult(EXISTED_BY, BundlePaths.MANIFEST, CheckStatus.NOT_CHECKED, uncovered
                    + " entries lie beyond every timestamped checkpoint: nothing says when they existed"));
        }
        return results;
    }
}
