package org.cbamledger.archive;

import java.time.Instant;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code document-erasure} record (schemas/v1/document-erasure.schema.json): the blob with this digest
 * was deleted (GDPR) while the ledger keeps the digest. {@code requestedBy} is a party or key id.
 */
public record DocumentErasure(String sha256, String reason, String requestedBy, Instant erasedAt) {
    public static final String KIND = Kinds.DOCUMENT_ERASURE;
    private static final JsonMapper JSON = JsonMappers.PLAIN;

    public DocumentErasure {
        Sha256Hex.require(sha256);
        RecordFields.requireText(reason, "reason");
        RecordFields.requireIdentifier(requestedBy, "requestedBy");
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("kind", KIND);
        node.put("sha256", sha256);
        node.put("reason", reason);
        node.put("requestedBy", requestedBy);
        node.put("erasedAt", erasedAt.toString());
        return node;
    }

    public byte[] toJsonBytes() {
        return JSON.writeValueAsBytes(toJson());
    }

    static DocumentErasure fromJson(byte[] json) throws ArchiveException {
        try {
            JsonNode node = JSON.readTree(json);
            return new DocumentErasure(node.get("sha256").asString(), node.get("reason").asString(),
                    node.get("requestedBy").asString(), Instant.parse(node.get("erasedAt").asString()));
        } catch (RuntimeException e) { // JacksonException, NullPointerException, DateTimeParseException
            throw new ArchiveException("erasure marker is not a document-erasure record", e);
        }
    }
}
