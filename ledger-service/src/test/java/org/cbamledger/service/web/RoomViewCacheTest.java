package org.cbamledger.service.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.demo.DemoLogs;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
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
    private static RunningService service;
    private static DemoLogs.Loaded loaded;
    private static String token;
    private static RoomViewVisits visits;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start();
        loaded = DemoLogs.load(service, LOG, "Example Extrusion A.S.", "TR", RoomViewVisits.SCENARIO);
        token = service.token(Scopes.verifier(VERIFIER));
        visits = new RoomViewVisits(service, VERIFIER);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void twoRoomsOnOneLog_eachViewShowsOnlyItsOwnEntries_whicheverWasViewedFirst() throws Exception {
        ObjectNode plant = RoomViewVisits.recordOf(Kinds.INSTALLATION);
        plant.put("installationId", OTHER_PLANT).put("name", "Another plant of the operator");
        visits.append(LOG, loaded.rootKey(), plant);
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
        ObjectNode batch = RoomViewVisits.recordOf(Kinds.PRODUCTION_BATCH);
        batch.put("batchId", "CACHE-PROBE-1");
        long index = visits.append(LOG, loaded.rootKey(), batch);

        assertTrue(entriesOf(room).contains(index), "the new batch is in the room's scope");
        assertFalse(linkedEntries(before, room).contains(index));
        assertTrue(linkedEntries(view(room), room).contains(index), "the view shows the batch appended after it was cached");
    }

    private static String view(String room) {
        return visits.view(room);
    }

    /** The worked year and CN code of an installation. */
    private static String openRoom(String installationId) {
        return visits.openRoom(LOG, installationId, "2026-01-01", "2026-12-31", "76041090");
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
}
