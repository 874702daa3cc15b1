package org.cbamledger.calculation.statement;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Who issues a statement to whom, and when: member {@code issued}, not recomputed. */
public record StatementIssue(String statementId, String issuedAt, String issuer, String recipient) {

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("statementId", statementId);
        node.put("issuedAt", issuedAt);
        node.put("issuer", issuer);
        node.put("recipient", recipient);
        return node;
    }

    public static StatementIssue fromJson(JsonNode node) {
        return new StatementIssue(
                node.path("statementId").asString(null),
                node.path("issuedAt").asString(null),
                node.path("issuer").asString(null),
                node.path("recipient").asString(null));
    }
}
