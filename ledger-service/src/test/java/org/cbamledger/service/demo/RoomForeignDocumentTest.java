package org.cbamledger.service.demo;

import static org.cbamledger.service.support.TestDocuments.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.log.LedgerRecords;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TestLog;
import org.cbamledger.signer.Envelope;
import org.cbamledger.spec.Kinds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A data room of log A whose log carries an anchor naming log B's document (a digest A's submitter learnt, never
 * uploaded to A): the room lists the anchor, but neither its document route nor its bundle gives B's bytes.
 */
class RoomForeignDocumentTest {
    private static final String LOG_A = "room-docs-a";
    private static final String VERIFIER = "verifier-foreign-docs";
    private static final byte[] OWN = "A's meter calibration certificate".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FOREIGN = "B's confidential supplier contract".getBytes(StandardCharsets.UTF_8);
    private static RunningService service;
    private static String roomId;

    @BeforeAll
    static void openRoom() throws Exception {
        service = RunningService.start();
        DemoLogs.Loaded a = DemoLogs.load(service, LOG_A, "Example Extrusion A.S.", "TR",
                Path.of("..", "scenarios", "turkish-extruder-2026"));
        TestLog b = TestLog.create(service, "room-docs-b");
        assertEquals(201, service.http().post("logs/" + b.logId + "/documents?submitter=" + b.logId, b.submitToken,
                FOREIGN).statusCode());

        JsonNode statement = a.statement();
        ObjectNode room = Http.JSON.createObjectNode().put("name", "foreign documents")
                .put("installationId", statement.at("/installation/installationId").asString())
                .put("periodFrom", statement.at("/period/from").asString())
                .put("periodTo", statement.at("/period/to").asString());
        room.putArray("cnCodes").add(statement.get("cnCode").asString());
        HttpResponse<byte[]> created = service.http().post("logs/" + LOG_A + "/rooms", admin(), Http.JSON.writeValueAsBytes(room));
        assertEquals(201, created.statusCode(), Http.text(created));
        roomId = Http.json(created).get("roomId").asString();
        ObjectNode grant = Http.JSON.createObjectNode().put("role", "verifier");
        grant.putArray("scopes").add("entries").add("documents").add("bundle");
        assertEquals(200, service.http().put("rooms/" + roomId + "/grants/" + VERIFIER, admin(),
                Http.JSON.writeValueAsBytes(grant)).statusCode());

        String inRoom = Http.json(service.http().get("rooms/" + roomId + "/entries?limit=1", verifier()))
                .at("/items/0/leafHash").asString();
        HttpResponse<byte[]> uploaded = service.http().post("logs/" + LOG_A + "/documents?submitter=" + LOG_A
                + "&supports=" + inRoom, service.token(Scopes.submit(LOG_A)), OWN);
        assertEquals(201, uploaded.statusCode(), Http.text(uploaded));
        ObjectNode ownAnchor = (ObjectNode) Http.json(uploaded);
        ObjectNode foreignAnchor = ownAnchor.deepCopy().put("sha256", sha256(FOREIGN)).put("sizeBytes", FOREIGN.length);
        for (ObjectNode anchor : new ObjectNode[] {ownAnchor, foreignAnchor}) {
            byte[] envelope = Envelope.sign(Kinds.DOCUMENT_ANCHOR, LedgerRecords.json(anchor), a.rootKey()).canonicalBytes();
            HttpResponse<byte[]> appended = service.http().post("logs/" + LOG_A + "/entries?wait=true",
                    service.token(Scopes.submit(LOG_A)), envelope);
            assertEquals(201, appended.statusCode(), Http.text(appended));
        }
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void roomDocumentRoute_servesTheLogsOwnDocument_and404sTheOtherLogsOne() {
        HttpResponse<byte[]> own = service.http().get("rooms/" + roomId + "/documents/" + sha256(OWN), verifier());
        assertEquals(200, own.statusCode(), Http.text(own));
        assertArrayEquals(OWN, own.body());
        HttpResponse<byte[]> foreign = service.http().get("rooms/" + roomId + "/documents/" + sha256(FOREIGN), verifier());
        assertEquals(404, foreign.statusCode(), Http.text(foreign));
        assertFalse(Http.text(foreign).contains("confidential"));
    }

    @Test
    void roomBundle_carriesTheLogsOwnDocument_andNotTheOtherLogsOne() throws Exception {
        HttpResponse<byte[]> zip = service.http().get("rooms/" + roomId + "/bundle", verifier());
        assertEquals(200, zip.statusCode(), Http.text(zip));
        Set<String> names = new HashSet<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertTrue(names.stream().anyMatch(n -> n.endsWith("documents/" + sha256(OWN))), names.toString());
        assertFalse(names.stream().anyMatch(n -> n.endsWith("documents/" + sha256(FOREIGN))), names.toString());
    }

    private static String admin() {
        return service.token(Scopes.logAdmin(LOG_A));
    }

    private static String verifier() {
        return service.token(Scopes.verifier(VERIFIER));
    }
}
