package org.cbamledger.service.room;

import java.time.Instant;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The {@code room-access} record (api-spec room-access.schema.json): who read what in a room, when, and the answer. */
public record RoomAccessRecord(String roomId, Instant accessedAt, String subject, String partyId, String role,
        String method, String path, String resourceType, String resourceId, boolean granted, int status, String reason) {
    public static final String KIND = "room-access";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ObjectNode toJson() {
        ObjectNode record = JSON.createObjectNode();
        record.put("kind", KIND);
        record.put("roomId", roomId);
        record.put("accessedAt", accessedAt.toString());
        ObjectNode principal = record.putObject("principal");
        principal.put("subject", subject);
        principal.put("partyId", partyId);
        principal.put("role", role);
        ObjectNode request = record.putObject("request");
        request.put("method", method);
        request.put("path", path);
        ObjectNode resource = record.putObject("resource");
        resource.put("type", resourceType);
        resource.put("id", resourceId);
        record.put("outcome", granted ? "granted" : "denied");
        record.put("status", status);
        record.put("reason", reason);
        return record;
    }
}
