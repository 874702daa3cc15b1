package org.cbamledger.service.room;

import java.time.Instant;
import org.cbamledger.service.room.scope.RoomDefinition;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code room-grant} record (api-spec room-grant.schema.json): a grant given or revoked, with the room's scope,
 * who decided it and when. The service appends it, signed by the log key, before the grant takes effect.
 */
public record RoomGrantRecord(RoomDefinition room, RoomGrant grant, boolean revoked, String decidedBy, Instant decidedAt) {
    public static final String KIND = Kinds.ROOM_GRANT;
    private static final JsonMapper JSON = JsonMappers.PLAIN;

    public ObjectNode toJson() {
        ObjectNode record = JSON.createObjectNode();
        record.put("kind", KIND);
        record.put("roomId", room.roomId());
        ObjectNode scope = record.putObject("room");
        scope.put("installationId", room.installationId());
        scope.put("periodFrom", room.periodFrom().toString());
        scope.put("periodTo", room.periodTo().toString());
        room.cnCodes().forEach(scope.putArray("cnCodes")::add);
        record.put("partyId", grant.partyId());
        record.put("role", grant.role().wireName());
        ArrayNode scopes = record.putArray("scopes");
        if (!revoked) {
            grant.scopes().stream().map(GrantScope::wireName).sorted().forEach(scopes::add);
        }
        record.put("action", revoked ? "revoked" : "granted");
        record.put("decidedBy", decidedBy);
        record.put("decidedAt", decidedAt.toString());
        return record;
    }
}
