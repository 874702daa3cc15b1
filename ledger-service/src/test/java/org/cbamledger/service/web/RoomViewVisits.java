package org.cbamledger.service.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.log.LedgerRecords;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.SigningKey;
import tools.jackson.databind.node.ObjectNode;

/** What the room view tests do through the API: open a room granted to a verifier, append to its log, view it. */
record RoomViewVisits(RunningService service, String verifierParty) {
    static final Path SCENARIO = Path.of("..", "scenarios", "turkish-extruder-2026");

    /** A room of the installation over the period and CN code, granted to the verifier with the view and entries scopes. */
    String openRoom(String logId, String installationId, String periodFrom, String periodTo, String cnCode) {
        ObjectNode room = Http.JSON.createObjectNode().put("name", "view " + installationId).put("installationId", installationId)
                .put("periodFrom", periodFrom).put("periodTo", periodTo);
        room.putArray("cnCodes").add(cnCode);
        String admin = service.token(Scopes.logAdmin(logId));
        HttpResponse<byte[]> created = service.http().post("logs/" + logId + "/rooms", admin, Http.JSON.writeValueAsBytes(room));
        assertEquals(201, created.statusCode(), Http.text(created));
        String roomId = Http.json(created).get("roomId").asString();
        ObjectNode grant = Http.JSON.createObjectNode().put("role", "verifier");
        grant.putArray("scopes").add("view").add("entries");
        HttpResponse<byte[]> granted = service.http().put("rooms/" + roomId + "/grants/" + verifierParty, admin,
                Http.JSON.writeValueAsBytes(grant));
        assertEquals(200, granted.statusCode(), Http.text(granted));
        return roomId;
    }

    /** Appends a record signed by the log's root key and waits for a checkpoint to cover it; its index. */
    long append(String logId, SigningKey rootKey, ObjectNode record) throws Exception {
        Envelope envelope = Envelope.sign(record.get("kind").asString(), LedgerRecords.json(record), rootKey);
        HttpResponse<byte[]> appended = service.http().post("logs/" + logId + "/entries?wait=true",
                service.token(Scopes.logAdmin(logId)), envelope.canonicalBytes());
        assertEquals(201, appended.statusCode(), Http.text(appended));
        assertNotNull(Http.json(appended).get("checkpoint"), "a checkpoint covers the new entry");
        return Http.json(appended).get("index").asLong();
    }

    /** The room's web view as the verifier gets it. */
    String view(String roomId) {
        HttpResponse<byte[]> page = service.http().get("ui/rooms/" + roomId, service.token(Scopes.verifier(verifierParty)));
        assertEquals(200, page.statusCode(), Http.text(page));
        return Http.text(page);
    }

    /** A copy of the worked example's first record of a kind. */
    static ObjectNode recordOf(String kind) throws Exception {
        for (ScenarioRecord r : ScenarioLoader.load(SCENARIO).records()) {
            if (r.kind().equals(kind)) {
                return r.record().deepCopy();
            }
        }
        throw new IllegalStateException("the worked example has no " + kind + " record");
    }
}
