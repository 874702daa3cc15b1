package org.cbamledger.service.store;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.cbamledger.signer.DsseSignature;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.JsonMappers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A stored entry's envelope read once as JSON, without validating it again: it passed Envelope.parse, its schema and
 * its signature checks when it was appended. Its readers (the web view's records, the entry index's catch-up, a room's
 * walk) parse the payload themselves; re-validating every envelope made a walk over the log about five times slower.
 */
public record OpenedEnvelope(byte[] payload, List<String> signerKeyIds) {

    /** @throws IllegalArgumentException when the stored bytes are not JSON or the payload not base64 */
    public static OpenedEnvelope of(StoredEntry entry) {
        // every stored entry is its canonical form, read in one pass; the tree is for anything else
        Envelope canonical = Envelope.readCanonical(entry.envelope());
        if (canonical != null) {
            List<String> signers = new ArrayList<>(canonical.signatures().size());
            for (DsseSignature signature : canonical.signatures()) {
                signers.add(signature.keyId());
            }
            return new OpenedEnvelope(canonical.payload(), List.copyOf(signers));
        }
        JsonNode envelope;
        try {
            envelope = JsonMappers.PLAIN.readTree(entry.envelope());
        } catch (JacksonException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        List<String> signers = new ArrayList<>();
        for (JsonNode signature : envelope.path("signatures").values()) {
            signers.add(signature.path("keyid").asString(""));
        }
        return new OpenedEnvelope(Base64.getDecoder().decode(envelope.path("payload").asString("")), List.copyOf(signers));
    }
}
