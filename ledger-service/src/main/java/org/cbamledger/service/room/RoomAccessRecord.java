package org.cbamledger.service.room;

import java.time.Instant;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The {@code room-access} record (api-spec room-access.schema.json): who read what in a room, when, and the answer. */
public record RoomAccessRecord(String roomId, Instant accessedAt, String subject, String partyId, String role,
        String method, String path, String resourceType, String resourceId, boolean granted, int status, String reason,
        Refusals refusals) {
    public static final String KIND = Kinds.ROOM_ACCESS;

    /** A summary of {@code count} refusals of one caller in one room between two instants of one minute (schema v1). */
    public record Refusals(int count, Instant from, Instant to) {}

    /** This record standing for {@code count} refusals, of which it is the last. */
    RoomAccessRecord summarising(Refusals summary) {
        return new RoomAccessRecord(roomId, accessedAt, subject, partyId, role, method, path, resourceType, resourceId,
                granted, status, summary.count() + " refusals of " + subject + " in this room from " + summary.from()
                        + " to " + summary.to() + "; the last: " + reason, summary);
    }

    private static final JsonMapper JSON = JsonMappers.PLAIN;

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
        if (refusals != null) {
            ObjectNode summary = record.putObject("refusals");
            summary.put("count", refusals.count());
            summary.put("from", refusals.from().toString());
            summary.put("to", refusals.to().toString());
        }
        return record;
    }
}
