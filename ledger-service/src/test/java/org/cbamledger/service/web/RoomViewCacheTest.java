package org.cbamledger.service.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.demo.DemoLogs;
import org.cbamledger.service.log.LedgerRecords;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.signer.Envelope;
import org.cbamledger.spec.Kinds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The room view's cache, as the adversary would probe it: two rooms over one log must each show only their own
 * entries whatever was viewed before, and evidence appended into a room's scope shows on the next view.
 */
class RoomViewCacheTest {
    private static final String LOG = "view-cache";
    private static final String VERIFIER = "verifier-cache";
    private static final String INSTALLATION = "TR-EXTRUDER-01";
    private static final String OTHER_PLANT = "TR-OTHER-02";
    private static final Path SCENARIO = Path.of("..", "scenarios", "turkish-extruder-2026");
    private static RunningService service;
    private static DemoLogs.Loaded loaded;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start();
        loaded = DemoLogs.load(service, LOG, "Example Extrusion A.S.", "TR", SCENARIO);
        token = service.token(Scopes.verifier(VERIFIER));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void twoRoomsOnOneLog_eachViewShowsOnlyItsOwnEntries_whicheverWasViewedFirst() throws Exception {
        ObjectNode plant = recordOf(ScenarioLoader.load(SCENARIO), Kinds.INSTALLATION);
        plant.put("installationId", OTHER_PLANT).put("name", "Another plant of the operator");
        append(plant);
        String profiles = openRoom(INSTALLATION);
        String sheets = openRoom(OTHER_PLANT);
        assertFalse(entriesOf(profiles).equals(entriesOf(sheets)), "the two rooms hold different entries");
        assertTrue(linkedEntries(view(profiles), profiles).contains(batchIndex(profiles)), "the profiles' batch is shown");
        for (String room : List.of(sheets, profiles, sheets)) {
            Set<Long> shown = linkedEntries(view(room), room);
            assertTrue(entriesOf(room).containsAll(shown), "the view of " + room + " links entries outside it: " + shown);
        }
    }

    @Test
    void anEntryAppendedIntoTheRoom_showsOnTheNextView() throws Exception {
        String room = openRoom(INSTALLATION);
        String before = view(room);
        ObjectNode batch = recordOf(ScenarioLoader.load(SCENARIO), Kinds.PRODUCTION_BATCH);
        batch.put("batchId", "CACHE-PROBE-1");
        long index = append(batch);

        assertTrue(entriesOf(room).contains(index), "the new batch is in the room's scope");
        assertFalse(linkedEntries(before, room).contains(index));
        assertTrue(linkedEntries(view(room), room).contains(index), "the view shows the batch appended after it was cached");
    }

    /** Appends a record signed by the log's root key and waits for a checkpoint to cover it. */
    private static long append(ObjectNode record) throws Exception {
        Envelope envelope = Envelope.sign(record.get("kind").asString(), LedgerRecords.json(record), loaded.rootKey());
        HttpResponse<byte[]> appended = service.http().post("logs/" + LOG + "/entries?wait=true",
                service.token(Scopes.logAdmin(LOG)), envelope.canonicalBytes());
        assertEquals(201, appended.statusCode(), Http.text(appended));
        assertNotNull(Http.json(appended).get("checkpoint"), "a checkpoint covers the new entry");
        return Http.json(appended).get("index").asLong();
    }

    private static String view(String room) {
        HttpResponse<byte[]> page = service.http().get("ui/rooms/" + room, token);
        assertEquals(200, page.statusCode(), Http.text(page));
        return Http.text(page);
    }

    private static Set<Long> linkedEntries(String html, String room) {
        Set<Long> found = new TreeSet<>();
        Matcher m = Pattern.compile("/rooms/" + Pattern.quote(room) + "/entries/(\\d+)").matcher(html);
        while (m.find()) {
            found.add(Long.parseLong(m.group(1)));
        }
        return found;
    }

    private static long batchIndex(String room) {
        HttpResponse<byte[]> listed = service.http().get("rooms/" + room + "/entries?limit=1000", token);
        for (JsonNode item : Http.json(listed).get("items")) {
            if (item.get("kind").asString().equals(Kinds.PRODUCTION_BATCH)) {
                return item.get("index").asLong();
            }
        }
        throw new AssertionError("room " + room + " holds no production batch");
    }

    private static Set<Long> entriesOf(String room) {
        HttpResponse<byte[]> listed = service.http().get("rooms/" + room + "/entries?limit=1000", token);
        assertEquals(200, listed.statusCode(), Http.text(listed));
        JsonNode body = Http.json(listed);
        assertTrue(body.get("next").isNull(), "the room holds more than 1000 entries");
        Set<Long> indexes = new TreeSet<>();
        body.get("items").forEach(item -> indexes.add(item.get("index").asLong()));
        return indexes;
    }

    /** The worked year and CN code of an installation. */
    private static String openRoom(String installationId) {
        ObjectNode room = Http.JSON.createObjectNode().put("name", "cache " + installationId)
                .put("installationId", installationId).put("periodFrom", "2026-01-01").put("periodTo", "2026-12-31");
        room.putArray("cnCodes").add("76041090");
        String admin = service.token(Scopes.logAdmin(LOG));
        HttpResponse<byte[]> created = service.http().post("logs/" + LOG + "/rooms", admin, Http.JSON.writeValueAsBytes(room));
        assertEquals(201, created.statusCode(), Http.text(created));
        String roomId = Http.json(created).get("roomId").asString();
        ObjectNode grant = Http.JSON.createObjectNode().put("role", "verifier");
        grant.putArray("scopes").add("view").add("entries");
        HttpResponse<byte[]> granted = service.http().put("rooms/" + roomId + "/grants/" + VERIFIER, admin,
                Http.JSON.writeValueAsBytes(grant));
        assertEquals(200, granted.statusCode(), Http.text(granted));
        return roomId;
    }

    private static ObjectNode recordOf(Scenario scenario, String kind) {
        for (ScenarioRecord r : scenario.records()) {
            if (r.kind().equals(kind)) {
                return r.record().deepCopy();
            }
        }
        throw new IllegalStateException("the worked example has no " + kind + " record");
    }
}
