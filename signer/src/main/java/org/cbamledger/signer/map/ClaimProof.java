package org.cbamledger.signer.map;

import java.util.Base64;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A claim key, the canonical value it holds (empty when unclaimed) and the map proof for it. JSON (for bundles and
 * the API): {@code {"claimKey": k, "value": base64 | null, "proof": MapProof JSON}}.
 */
public record ClaimProof(String claimKey, Optional<byte[]> value, MapProof proof) {

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("claimKey", claimKey);
        value.ifPresentOrElse(v -> node.put("value", Base64.getEncoder().encodeToString(v)), () -> node.putNull("value"));
        node.set("proof", proof.toJson());
        return node;
    }

    public static ClaimProof fromJson(JsonNode node) {
        JsonNode value = node.path("value");
        return new ClaimProof(node.path("claimKey").asString(),
                value.isString() ? Optional.of(Base64.getDecoder().decode(value.asString())) : Optional.empty(),
                MapProof.fromJson(node.path("proof")));
    }
}
