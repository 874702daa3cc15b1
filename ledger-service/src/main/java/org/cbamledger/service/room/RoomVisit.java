package org.cbamledger.service.room;

import java.util.Set;
import org.cbamledger.service.auth.Principal;
import org.cbamledger.service.room.scope.RoomDefinition;
import tools.jackson.databind.JsonNode;

/**
 * One authorised request in a room: the room, who asks and in which role, and the scopes they hold there.
 * {@code importerParties} is non-empty when the visitor reads as an importer: it then sees only the statements
 * issued to those parties; exporters and verifiers see every statement the room covers.
 */
public record RoomVisit(RoomDefinition room, Principal principal, String role, String partyId, Set<GrantScope> scopes,
        Set<String> importerParties) {

    public RoomVisit {
        scopes = Set.copyOf(scopes);
        importerParties = Set.copyOf(importerParties);
    }

    public boolean mayRead(JsonNode statement) {
        return importerParties.isEmpty() || importerParties.contains(statement.at("/issued/recipient").asString(""));
    }
}
