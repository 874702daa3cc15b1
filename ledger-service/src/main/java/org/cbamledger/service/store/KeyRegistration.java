package org.cbamledger.service.store;

import java.time.Instant;
import java.util.List;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.PublicKeyInfo;

/** The content of a {@code key-registration} record; {@code validUntil} null means no end. */
public record KeyRegistration(
        String keyId,
        PublicKeyInfo publicKey,
        String party,
        String role,
        List<String> allowedKinds,
        Instant validFrom,
        Instant validUntil) {

    public KeyAlgorithm algorithm() {
        return publicKey.algorithm();
    }

    public boolean allows(String kind) {
        return allowedKinds.contains("*") || allowedKinds.contains(kind);
    }
}
