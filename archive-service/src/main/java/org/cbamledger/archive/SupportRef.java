package org.cbamledger.archive;

import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an archived document supports: a ledger entry by leaf hash (lowercase hex), or a record that is
 * not yet in the ledger by a reference string (e.g. {@code meter-reading-batch/gw-7/1042}).
 */
public record SupportRef(Optional<String> leafHash, Optional<String> recordRef) {
    public SupportRef {
        if (leafHash.isPresent() == recordRef.isPresent()) {
            throw new IllegalArgumentException("a support reference names exactly one of leafHash and recordRef");
        }
        leafHash.ifPresent(Sha256Hex::require);
        recordRef.ifPresent(ref -> RecordFields.requireIdentifier(ref, "recordRef"));
    }

    public static SupportRef leaf(String leafHashHex) {
        return new SupportRef(Optional.of(leafHashHex), Optional.empty());
    }

    public static SupportRef record(String reference) {
        return new SupportRef(Optional.empty(), Optional.of(reference));
    }

    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        leafHash.ifPresent(h -> node.put("leafHash", h));
        recordRef.ifPresent(r -> node.put("recordRef", r));
        return node;
    }
}
