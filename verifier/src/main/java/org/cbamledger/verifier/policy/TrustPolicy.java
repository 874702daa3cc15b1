package org.cbamledger.verifier.policy;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cbamledger.signer.CosignatureVerifier;
import org.cbamledger.signer.NoteVerifier;

/**
 * What a verifier pins (api-spec/POLICY.md): the log's keys with their validity, the operator's root key ids,
 * witness keys with the quorum of cosignatures the bundle's checkpoint needs, and the TSA certificates whose
 * tokens say when a checkpoint existed.
 */
public record TrustPolicy(
        List<PinnedLogKey> logKeys,
        Set<String> rootKeyIds,
        List<CosignatureVerifier> witnesses,
        int quorum,
        List<X509Certificate> tsaCertificates) {

    public static final TrustPolicy NONE = new TrustPolicy(List.of(), Set.of(), List.of(), 0, List.of());

    public TrustPolicy {
        logKeys = List.copyOf(logKeys);
        rootKeyIds = Set.copyOf(rootKeyIds);
        witnesses = List.copyOf(witnesses);
        tsaCertificates = List.copyOf(tsaCertificates);
        if (quorum < 0 || quorum > witnesses.size()) {
            throw new IllegalArgumentException("quorum " + quorum + " is not between 0 and " + witnesses.size());
        }
    }

    /** Pins log keys (valid at every size) and root key ids, as --log-key and --root-key do. */
    public static TrustPolicy of(List<NoteVerifier> logKeys, Set<String> rootKeyIds) {
        return NONE.plus(logKeys, rootKeyIds);
    }

    /** This policy with more log keys (valid at every size) and root key ids. */
    public TrustPolicy plus(List<NoteVerifier> moreLogKeys, Set<String> moreRootKeyIds) {
        List<PinnedLogKey> keys = new ArrayList<>(logKeys);
        moreLogKeys.forEach(k -> keys.add(PinnedLogKey.always(k)));
        Set<String> roots = new LinkedHashSet<>(rootKeyIds);
        roots.addAll(moreRootKeyIds);
        return new TrustPolicy(keys, roots, witnesses, quorum, tsaCertificates);
    }

    public boolean logKeysPinned() {
        return !logKeys.isEmpty();
    }

    public List<NoteVerifier> logKeyVerifiers() {
        return logKeys.stream().map(PinnedLogKey::key).toList();
    }

    /** The pinned keys that may sign a checkpoint of this size. */
    public List<NoteVerifier> logKeysAt(long treeSize) {
        return logKeys.stream().filter(k -> k.validAt(treeSize)).map(PinnedLogKey::key).toList();
    }
}
