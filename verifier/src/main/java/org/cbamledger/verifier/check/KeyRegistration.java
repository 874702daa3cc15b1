package org.cbamledger.verifier.check;

import java.util.LinkedHashSet;
import java.util.Set;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.PublicKeyInfo;
import org.cbamledger.signer.SignerException;
import tools.jackson.databind.JsonNode;

/**
 * A key-registration record as the verifier uses it (api-spec/CONTRACTS.md): the key, who holds it, and the
 * record kinds it may sign ({@code *} for all). {@code logIndex} is the entry that registered it.
 */
record KeyRegistration(long logIndex, PublicKeyInfo key, String party, String role, Set<String> allowedKinds) {
    static final String ALL_KINDS = "*";

    boolean allows(String kind) {
        return allowedKinds.contains(ALL_KINDS) || allowedKinds.contains(kind);
    }

    static KeyRegistration parse(long logIndex, JsonNode record) throws SignerException, IllegalArgumentException {
        KeyAlgorithm algorithm = KeyAlgorithm.fromWire(string(record, "algorithm"));
        PublicKeyInfo key = PublicKeyInfo.fromBase64(algorithm, string(record, "publicKey"));
        String keyId = string(record, "keyId");
        if (!key.keyId().equals(keyId)) {
            throw new IllegalArgumentException("keyId " + keyId + " is not the SHA-256 of publicKey (" + key.keyId() + ")");
        }
        JsonNode kinds = record.get("allowedKinds");
        if (kinds == null || !kinds.isArray()) {
            throw new IllegalArgumentException("allowedKinds is not an array");
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (JsonNode kind : kinds.values()) {
            if (!kind.isString()) {
                throw new IllegalArgumentException("allowedKinds holds a non-string");
            }
            allowed.add(kind.stringValue());
        }
        return new KeyRegistration(logIndex, key, string(record, "party"), string(record, "role"), Set.copyOf(allowed));
    }

    static String string(JsonNode record, String member) {
        JsonNode value = record.get(member);
        if (value == null || !value.isString()) {
            throw new IllegalArgumentException(member + " is not a string");
        }
        return value.stringValue();
    }
}
