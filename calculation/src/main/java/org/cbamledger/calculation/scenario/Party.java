package org.cbamledger.calculation.scenario;

import java.util.List;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A party of a scenario: who it is (api-spec party record) and which record kinds it submits (signs). */
public record Party(String partyId, String name, String partyType, String country, List<String> submits) {
    public Party {
        submits = List.copyOf(submits);
    }

    /** The api-spec {@code party} record of this party. */
    public ObjectNode record() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("kind", Kinds.PARTY);
        node.put("partyId", partyId);
        node.put("name", name);
        node.put("partyType", partyType);
        node.put("country", country);
        return node;
    }
}
