package org.cbamledger.verifier.context;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cbamledger.signer.DecodedPublicKey;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.PublicKeyInfo;
import org.cbamledger.signer.SignerException;
import tools.jackson.databind.JsonNode;

/**
 * The public keys the bundle's key-registrations carry, each under the key id computed from it (the SHA-256 of its
 * SPKI, so one id names one key whichever registration carries it), decoded once and learned as the scan meets them:
 * an entry's signatures are then checked while its bytes are at hand, not read again. Nothing here says a key may
 * sign an entry (registered before it, not revoked, allowed the kind): EntrySignatureCheck decides that in log order.
 */
final class ScannedKeys {
    private final Map<String, DecodedPublicKey> byKeyId = new ConcurrentHashMap<>();

    /** Learns the key a key-registration carries; a record that names none (its check reports it) teaches nothing. */
    void learn(Envelope registration) {
        try {
            JsonNode record = registration.record();
            KeyAlgorithm algorithm = KeyAlgorithm.fromWire(record.path("algorithm").asString(""));
            DecodedPublicKey key = DecodedPublicKey.of(PublicKeyInfo.fromBase64(algorithm,
                    record.path("publicKey").asString("")));
            byKeyId.putIfAbsent(key.info().keyId(), key);
        } catch (SignerException | IllegalArgumentException e) {
            // not a key: the entry-signature walk reports the registration
        }
    }

    /** The key whose key id is {@code keyId}, or null when no registration scanned so far carries it. */
    DecodedPublicKey named(String keyId) {
        return byKeyId.get(keyId);
    }
}
