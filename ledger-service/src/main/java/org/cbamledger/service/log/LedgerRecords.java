package org.cbamledger.service.log;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.cbamledger.signer.PublicKeyInfo;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Builders of the records the ledger itself interprets: parties, key registrations, revocations, log-key rotations. */
public final class LedgerRecords {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private LedgerRecords() {}

    public static ObjectNode operatorParty(String partyId, String name, String countryCode) {
        ObjectNode party = JSON.objectNode();
        party.put("kind", Kinds.PARTY);
        party.put("partyId", partyId);
        party.put("name", name);
        party.put("partyType", "operator");
        party.put("country", countryCode);
        return party;
    }

    public static ObjectNode keyRegistration(
            PublicKeyInfo key, String party, String role, List<String> allowedKinds, Instant validFrom, Instant validUntil) {
        ObjectNode registration = JSON.objectNode();
        registration.put("kind", Kinds.KEY_REGISTRATION);
        registration.put("keyId", key.keyId());
        registration.put("algorithm", key.algorithm().wireName());
        registration.put("publicKey", key.spkiBase64());
        registration.put("party", party);
        registration.put("role", role);
        ArrayNode kinds = registration.putArray("allowedKinds");
        allowedKinds.forEach(kinds::add);
        registration.put("validFrom", validFrom.toString());
        if (validUntil == null) {
            registration.putNull("validUntil");
        } else {
            registration.put("validUntil", validUntil.toString());
        }
        return registration;
    }

    public static ObjectNode keyRevocation(String keyId, Instant revokedAt, String reason) {
        ObjectNode revocation = JSON.objectNode();
        revocation.put("kind", Kinds.KEY_REVOCATION);
        revocation.put("keyId", keyId);
        revocation.put("revokedAt", revokedAt.toString());
        revocation.put("reason", reason);
        return revocation;
    }

    public static ObjectNode logKeyRotation(String oldKey, String newKey, long fromSize) {
        ObjectNode rotation = JSON.objectNode();
        rotation.put("kind", Kinds.LOG_KEY_ROTATION);
        rotation.put("oldKey", oldKey);
        rotation.put("newKey", newKey);
        rotation.put("fromSize", fromSize);
        return rotation;
    }

    public static byte[] json(ObjectNode record) {
        return record.toString().getBytes(StandardCharsets.UTF_8);
    }
}
