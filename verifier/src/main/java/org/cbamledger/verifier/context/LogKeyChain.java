package org.cbamledger.verifier.context;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.cbamledger.signer.Envelope;
import org.cbamledger.spec.Kinds;
import org.cbamledger.verifier.bundle.BundleException;
import org.cbamledger.verifier.bundle.ManifestEntry;
import org.cbamledger.verifier.policy.PinnedLogKey;

/**
 * The log keys a chain of bundled log-key-rotation entries hands trust over to (api-spec/POLICY.md, rotation):
 * in log order, a rotation whose old key is trusted (pinned, or handed over by an earlier rotation) makes its new
 * key trusted for checkpoints of size {@code fromSize} and above (never before the old key's own window starts).
 * A rotation that does not hold, or whose old key is not trusted, hands nothing over and is named as a problem.
 */
final class LogKeyChain {
    private final List<PinnedLogKey> handedOver = new ArrayList<>();
    private final Map<Long, String> problems = new HashMap<>();

    static LogKeyChain walk(BundleContext context, List<PinnedLogKey> trusted) {
        LogKeyChain chain = new LogKeyChain();
        List<ManifestEntry> entries = context.manifest().entries().stream()
                .sorted(Comparator.comparingLong(ManifestEntry::index)).toList();
        for (ManifestEntry entry : entries) {
            if (Kinds.LOG_KEY_ROTATION.equals(context.kind(entry.index()))) {
                chain.follow(entry.index(), context.envelope(entry.index()).value(), trusted);
            }
        }
        return chain;
    }

    private void follow(long index, Envelope envelope, List<PinnedLogKey> trusted) {
        LogKeyRotation rotation;
        try {
            rotation = LogKeyRotation.read(index, envelope);
        } catch (BundleException e) {
            problems.put(index, e.getMessage());
            return;
        }
        Optional<PinnedLogKey> old = Stream.concat(trusted.stream(), handedOver.stream())
                .filter(k -> k.key().verifierKey().equals(rotation.oldKey().verifierKey()))
                .findFirst();
        if (old.isEmpty()) {
            problems.put(index, "log key rotation from " + rotation.oldKey().verifierKey()
                    + ", which is not a trusted log key (nor handed over by an earlier rotation in the bundle)");
            return;
        }
        handedOver.add(new PinnedLogKey(rotation.newKey(), Math.max(rotation.fromSize(), old.get().fromSize()), null));
    }

    /** The new keys of the rotations that hold, each with the sizes it may sign. */
    List<PinnedLogKey> handedOver() {
        return List.copyOf(handedOver);
    }

    /** Why the rotation at this index hands nothing over, or null when it holds (or is no rotation). */
    String problem(long index) {
        return problems.get(index);
    }
}
