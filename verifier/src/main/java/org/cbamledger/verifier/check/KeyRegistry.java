package org.cbamledger.verifier.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key registrations and revocations found in the bundle's entries, in log order. A registration at index
 * r covers entries after r; a revocation at index v stops the key for entries after v.
 */
final class KeyRegistry {
    private final Map<String, List<KeyRegistration>> registrations = new HashMap<>();
    private final Map<String, Long> revocations = new HashMap<>();

    /** The root key registers itself at index 1 and also signs the log's first entry, index 0. */
    void addRoot(KeyRegistration root) {
        add(new KeyRegistration(-1, root.key(), root.party(), root.role(), root.allowedKinds()));
    }

    void add(KeyRegistration registration) {
        registrations.computeIfAbsent(registration.key().keyId(), k -> new ArrayList<>()).add(registration);
    }

    void revoke(String keyId, long logIndex) {
        revocations.merge(keyId, logIndex, Math::min);
    }

    /** The latest registration of the key before {@code entryIndex}. */
    Optional<KeyRegistration> registrationBefore(String keyId, long entryIndex) {
        return registrations.getOrDefault(keyId, List.of()).stream()
                .filter(r -> r.logIndex() < entryIndex)
                .reduce((first, second) -> second);
    }

    /** The index of the key's earliest revocation before {@code entryIndex}, if any. */
    Optional<Long> revocationBefore(String keyId, long entryIndex) {
        Long revokedAt = revocations.get(keyId);
        return revokedAt != null && revokedAt < entryIndex ? Optional.of(revokedAt) : Optional.empty();
    }
}
