package org.cbamledger.service.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.cbamledger.calculation.statement.StatementJws;
import org.cbamledger.service.db.Database;
import org.cbamledger.service.demo.DemoLogs;
import org.cbamledger.service.room.RoomContents;
import org.cbamledger.service.room.RoomSnapshot;
import org.cbamledger.service.room.RoomStore;
import org.cbamledger.service.statement.StoredStatement;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.spec.Kinds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The room view's stored bodies (issue 14): the statement intake prepares the view of the room a statement defines, a
 * room's first view is served from it, and what is served is exactly what the view computes from the room's entries;
 * a room with other entries, or another log's room, never gets it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoomViewReuseTest {
    private static final String LOG = "view-reuse";
    private static final String OTHER_LOG = "view-reuse-twin";
    private static final String VERIFIER = "verifier-reuse";
    private static RunningService service;
    private static DemoLogs.Loaded loaded;
    private static DemoLogs.Loaded twin;
    private static RoomViewVisits visits;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start();
        loaded = DemoLogs.load(service, LOG, "Example Extrusion A.S.", "TR", RoomViewVisits.SCENARIO);
        twin = DemoLogs.load(service, OTHER_LOG, "Example Extrusion A.S.", "TR", RoomViewVisits.SCENARIO);
        visits = new RoomViewVisits(service, VERIFIER);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    /** The demo archives the statement's documents after storing it: their anchors are in the room, not in what was prepared. */
    @Test
    @Order(1)
    void entriesAppendedAfterTheStatement_areShown_notThePreparedView() throws Exception {
        Set<String> prepared = digests(LOG);
        assertEquals(1, prepared.size(), "storing the demo's statement prepared its room's view");
        String room = openRoom(LOG, loaded.statement());

        String page = view(room);

        Set<String> now = digests(LOG);
        assertEquals(2, now.size(), "the room's entries differ from the prepared ones: its view was computed");
        assertTrue(now.containsAll(prepared));
        assertEquals(computedBody(room), body(page));
    }

    @Test
    @Order(2)
    void aStoredStatement_preparesTheFirstViewOfItsRoom_exactlyAsTheRoomsEntriesCompute() throws Exception {
        Set<String> before = digests(LOG);
        ObjectNode again = (ObjectNode) loaded.statement().deepCopy();
        again.remove("renderings");
        ((ObjectNode) again.get("issued")).put("statementId", "st-reuse-again");
        HttpResponse<byte[]> stored = service.http().post("logs/" + LOG + "/statements", service.adminToken(),
                Http.JSON.writeValueAsBytes(Http.JSON.createObjectNode().put("jws", StatementJws.sign(again, loaded.issuerKey()))));
        assertEquals(201, stored.statusCode(), Http.text(stored));
        Set<String> prepared = digests(LOG);
        assertEquals(before.size() + 1, prepared.size(), "storing the statement prepared a view");
        String room = openRoom(LOG, loaded.statement());

        String page = view(room);

        assertEquals(prepared, digests(LOG), "the first view was served from the prepared body, none computed");
        assertEquals(computedBody(room), body(page), "the prepared body is the one the room's own entries give");
        assertTrue(page.contains("st-reuse-again"), "the view shows the new statement");
        assertOnlyLinks(page, room);
        String march = visits.view(room + "?month=2026-03");
        assertEquals(computedBody(room, Optional.of(YearMonth.of(2026, 3))), body(march));
    }

    @Test
    @Order(3)
    void twoRoomsOfOneScope_shareTheStoredBody_eachLinkingOnlyItself() throws Exception {
        String first = openRoom(LOG, loaded.statement());
        String second = openRoom(LOG, loaded.statement());
        String firstPage = view(first);
        Set<String> stored = digests(LOG);

        String secondPage = view(second);

        assertEquals(stored, digests(LOG));
        assertOnlyLinks(firstPage, first);
        assertOnlyLinks(secondPage, second);
        assertEquals(body(firstPage).replace(first, second), body(secondPage));
    }

    @Test
    @Order(4)
    void anotherLogsRoomOfTheSameScope_getsItsOwnView() throws Exception {
        String room = openRoom(OTHER_LOG, twin.statement());
        Set<String> mine = digests(LOG);
        Set<String> theirs = digests(OTHER_LOG);
        assertFalse(theirs.isEmpty());
        theirs.forEach(d -> assertFalse(mine.contains(d), "two logs with the same records share no digest"));

        String page = view(room);

        assertEquals(computedBody(room), body(page));
        assertOnlyLinks(page, room);
    }

    @Test
    @Order(4)
    void aMonthTheChartsDoNotOffer_isRendered_butNeverStored() throws Exception {
        String room = openRoom(LOG, loaded.statement());

        String page = visits.view(room + "?month=2999-01");

        assertEquals(computedBody(room, Optional.of(YearMonth.of(2999, 1))), body(page));
        assertEquals(Set.of(), strings("select month from web_views where month = '2999-01'"),
                "a visitor asking for any month cannot grow the stored views");
    }

    /** Last: the entry it appends changes the rooms the other tests open. */
    @Test
    @Order(5)
    void oneEntryMoreInTheRoom_isComputedAfresh_andShown() throws Exception {
        String room = openRoom(LOG, loaded.statement());
        String before = view(room);
        Set<String> stored = digests(LOG);
        ObjectNode batch = RoomViewVisits.recordOf(Kinds.PRODUCTION_BATCH);
        batch.put("batchId", "REUSE-PROBE-1");
        long index = visits.append(LOG, loaded.rootKey(), batch);

        String after = view(room);

        assertFalse(before.contains("/rooms/" + room + "/entries/" + index + "\""));
        assertTrue(after.contains("/rooms/" + room + "/entries/" + index + "\""), "the new batch is linked");
        Set<String> now = digests(LOG);
        now.removeAll(stored);
        assertEquals(1, now.size(), "one more entry, one more digest");
        assertEquals(computedBody(room), body(after));
    }

    private static String view(String room) {
        return visits.view(room);
    }

    /** A room of the statement's installation, period and CN code, granted to the verifier. */
    private static String openRoom(String logId, JsonNode statement) {
        return visits.openRoom(logId, statement.at("/installation/installationId").asString(),
                statement.at("/period/from").asString(), statement.at("/period/to").asString(),
                statement.at("/cnCode").asString());
    }

    /** The body as the view computes it from the room's entries, without any stored or cached view. */
    private static String computedBody(String roomId) throws Exception {
        return computedBody(roomId, Optional.empty());
    }

    private static String computedBody(String roomId, Optional<YearMonth> month) throws Exception {
        RoomContents contents = service.context().getBean(RoomContents.class);
        RoomSnapshot snapshot = contents.snapshot(service.context().getBean(RoomStore.class).find(roomId).orElseThrow());
        List<StoredStatement> statements = snapshot.selection().statements();
        List<StoredEntry> entries = new ArrayList<>();
        contents.read(snapshot.room().logId(), snapshot.selection().indexes(), entries::add);
        return ReadinessPage.body(ReadinessView.of(entries, statements), new RoomEvidenceLinks(roomId), month);
    }

    private static String body(String page) {
        return page.substring(page.indexOf("</header>") + "</header>".length(), page.lastIndexOf("</body>"));
    }

    private static void assertOnlyLinks(String page, String room) {
        for (String href : page.split("href=\"")) {
            if (href.startsWith("/rooms/") || href.startsWith("/ui/rooms/")) {
                assertTrue(href.startsWith("/rooms/" + room + "/") || href.startsWith("/ui/rooms/" + room + "?"),
                        "a link of room " + room + " names another room: " + href.substring(0, Math.min(80, href.length())));
            }
        }
        assertTrue(page.contains("/rooms/" + room + "/entries/"), "the view links the room's entries");
        for (String linksToken : strings("select links_token from web_views")) {
            assertFalse(page.contains(linksToken), "no links token is left in the page");
        }
    }

    private static Set<String> digests(String logId) {
        return strings("select encode(view_sha256, 'hex') from web_views where log_id = ?", logId);
    }

    private static Set<String> strings(String query, String... parameters) {
        DataSource data = service.context().getBean(Database.class).dataSource();
        Set<String> found = new HashSet<>();
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(r.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
