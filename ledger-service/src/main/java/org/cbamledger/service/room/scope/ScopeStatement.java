package org.cbamledger.service.room.scope;

import tools.jackson.databind.JsonNode;

/** A statement the room covers: its id, the statement-issuer key that signed its JWS, and its JSON. */
record ScopeStatement(String statementId, String keyId, JsonNode json) {}
