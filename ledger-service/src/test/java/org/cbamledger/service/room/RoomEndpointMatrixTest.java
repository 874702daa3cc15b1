package org.cbamledger.service.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.cbamledger.calculation.scenario.Party;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import org.cbamledger.calculation.statement.StatementJws;
import org.cbamledger.calculation.statement.StatementRenderings;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.auth.TokenAuthority;
import org.cbamledger.service.demo.DemoLogs;
import org.cbamledger.service.log.LedgerRecords;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.Kinds;
import org.cbamledger.verifier.VerificationReport;
import org.cbamledger.verifier.Verifier;
import org.cbamledger.verifier.bundle.EntryPack;
import org.cbamledger.verifier.check.CoverageCheck;
import org.cbamledger.verifier.check.IndexCheck;
import org.cbamledger.verifier.context.CheckStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 7: every data-room route x every kind of token x inside and outside the room's scope. One service, one log
 * holding the worked example (scenarios/turkish-extruder-2026) and, signed by the log's root key, entries the room
 * of that installation, period and CN code must leave out: another installation and its batch, a batch of another
 * CN code, fuel of another period, a stranger's party record and a document anchored to an outside entry; plus a
 * copy of the statement issued to a second importer. Every request to a room route must append exactly one
 * {@code room-access} entry that says who asked what and what was answered; each row checks its own.
 */
class RoomEndpointMatrixTest {
    private static final String LOG_ID = "room-matrix";
    private static final String OTHER_LOG_ID = "room-matrix-other";
    private static final String IMPORTER_B = "other-importer";
    private static final String VERIFIER_V = "verifier-v";
    private static final String VERIFIER_W = "verifier-w";
    private static final String REVOKED = "revoked-verifier";
    private static final String STATEMENT_B_ID = "st-matrix-b-1";
    private static final String OTHER_INSTALLATION = "TR-OTHER-PLANT-09";
    private static final String OTHER_PLANT_BATCH = "BATCH-OTHER-PLANT-2026";
    private static final String OTHER_CN_BATCH = "BATCH-7606-2026";
    private static final String OUT_OF_PERIOD_FUEL = "reheating-furnace-2025";
    private static final String STRANGER = "stranger-party";
    private static final String ACCESS_KIND = "room-access";
    private static final List<String> ALL_SCOPES = List.of("bundle", "documents", "entries", "statements", "view");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static RunningService service;
    private static TokenAuthority authority;
    private static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);
    private static String importerA;
    private static String roomId;
    private static String statementA;
    private static SortedSet<Long> roomIndexes;
    /** Leaf index to leaf hash (hex) of every entry this test put in the log to stay out of the room. */
    private static final Map<Long, String> OUTSIDE = new LinkedHashMap<>();
    private static long inIndex;
    private static long outIndex;
    private static String inSha256;
    private static String outSha256;
    private static long roomCheckpointSize;

    /** Who asks: the columns of the matrix. */
    enum Role {
        EXPORTER, LOG_READER, ADMIN, IMPORTER_A, IMPORTER_B, VERIFIER_V, VERIFIER_W, OTHER_LOG, REVOKED_PARTY,
        NO_SCOPES, ANONYMOUS;

        String subject() {
            return "matrix-" + name().toLowerCase().replace('_', '-');
        }

        /** Expected status from the row's columns: exporter, log reader, admin, importer A, verifier V, no grant. */
        int expected(int[] columns) {
            return switch (this) {
                case EXPORTER -> columns[0];
                case LOG_READER -> columns[1];
                case ADMIN -> columns[2];
                case IMPORTER_A -> columns[3];
                case VERIFIER_V -> columns[4];
                case IMPORTER_B, VERIFIER_W, OTHER_LOG, REVOKED_PARTY, NO_SCOPES -> columns[5];
                case ANONYMOUS -> 401;
            };
        }

        /** Whether the token sees the room whole (its log's scopes): all statements, not only its own. */
        boolean seesWholeRoom() {
            return this == EXPORTER || this == LOG_READER || this == ADMIN || this == VERIFIER_V;
        }
    }

    /** What is asked: the rows. Columns: exporter, log reader, admin, importer A, verifier V, a token without grant. */
    enum Route {
        GRANTED_ROOMS("GET", "/rooms", new int[] {200, 200, 200, 200, 200, 200}),
        ROOM("GET", "/rooms/{room}", new int[] {200, 200, 200, 200, 200, 404}),
        UNKNOWN_ROOM("GET", "/rooms/room-00000000000000000000", new int[] {404, 404, 404, 404, 404, 404}),
        ENTRIES("GET", "/rooms/{room}/entries", new int[] {200, 200, 200, 200, 200, 404}),
        CALCULATION_ENTRIES("GET", "/rooms/{room}/entries?kind=calculation", new int[] {200, 200, 200, 200, 200, 404}),
        ENTRY_IN("GET", "/rooms/{room}/entries/{in}", new int[] {200, 200, 200, 200, 200, 404}),
        ENTRY_OUT("GET", "/rooms/{room}/entries/{out}", new int[] {404, 404, 404, 404, 404, 404}),
        DOCUMENTS("GET", "/rooms/{room}/documents", new int[] {200, 200, 200, 403, 200, 404}),
        DOCUMENT_IN("GET", "/rooms/{room}/documents/{inSha}", new int[] {200, 200, 200, 403, 200, 404}),
        DOCUMENT_OUT("GET", "/rooms/{room}/documents/{outSha}", new int[] {404, 404, 404, 403, 404, 404}),
        STATEMENTS("GET", "/rooms/{room}/statements", new int[] {200, 200, 200, 200, 200, 404}),
        STATEMENT_A("GET", "/rooms/{room}/statements/{a}", new int[] {200, 200, 200, 200, 200, 404}),
        STATEMENT_B("GET", "/rooms/{room}/statements/{b}", new int[] {200, 200, 200, 404, 200, 404}),
        STATEMENT_A_PDF("GET", "/rooms/{room}/statements/{a}/pdf", new int[] {200, 200, 200, 200, 200, 404}),
        STATEMENT_B_PDF("GET", "/rooms/{room}/statements/{b}/pdf", new int[] {200, 200, 200, 404, 200, 404}),
        BUNDLE("GET", "/rooms/{room}/bundle", new int[] {200, 200, 200, 403, 200, 404}),
        BUNDLE_WITH_STATEMENT_B("GET", "/rooms/{room}/bundle?statement={b}", new int[] {200, 200, 200, 403, 200, 404}),
        ACCESS_LOG("GET", "/rooms/{room}/access-log", new int[] {200, 200, 200, 403, 403, 404}),
        CREATE_ROOM("POST", "/logs/{log}/rooms", new int[] {201, 403, 201, 403, 403, 403}),
        LOG_ROOMS("GET", "/logs/{log}/rooms", new int[] {200, 200, 200, 403, 403, 403}),
        GRANT("PUT", "/rooms/{room}/grants/matrix-grantee", new int[] {200, 403, 200, 404, 404, 404}),
        REVOKE("DELETE", "/rooms/{room}/grants/revoke-{role}?role=verifier", new int[] {204, 403, 204, 404, 404, 404});

        final String method;
        final String template;
        final int[] columns;

        Route(String method, String template, int[] columns) {
            this.method = method;
            this.template = template;
            this.columns = columns;
        }

        String path(Role role) {
            return template.replace("{room}", roomId).replace("{log}", LOG_ID).replace("{in}", Long.toString(inIndex))
                    .replace("{out}", Long.toString(outIndex)).replace("{inSha}", inSha256)
                    .replace("{outSha}", outSha256).replace("{a}", statementA).replace("{b}", STATEMENT_B_ID)
                    .replace("{role}", role.name().toLowerCase().replace('_', '-'));
        }

        /** A route of RoomController behind RoomAccess, on a room that exists: each request must be logged. */
        boolean logged() {
            return template.startsWith("/rooms/{room}") && this != GRANT && this != REVOKE;
        }
    }

    @BeforeAll
    static void openRoom() throws Exception {
        service = RunningService.start();
        authority = TokenAuthority.load(service.dataDir(), Clock.systemUTC());
        Path scenarioDir = Path.of("..", "scenarios", "turkish-extruder-2026");
        Scenario scenario = ScenarioLoader.load(scenarioDir);
        importerA = scenario.statementRecipient();
        Map<Role, List<String>> scopes = new EnumMap<>(Role.class);
        scopes.put(Role.EXPORTER, List.of(Scopes.logAdmin(LOG_ID)));
        scopes.put(Role.LOG_READER, List.of(Scopes.read(LOG_ID)));
        scopes.put(Role.ADMIN, List.of(Scopes.ADMIN));
        scopes.put(Role.IMPORTER_A, List.of(Scopes.importer(importerA)));
        scopes.put(Role.IMPORTER_B, List.of(Scopes.importer(IMPORTER_B)));
        scopes.put(Role.VERIFIER_V, List.of(Scopes.verifier(VERIFIER_V)));
        scopes.put(Role.VERIFIER_W, List.of(Scopes.verifier(VERIFIER_W)));
        scopes.put(Role.OTHER_LOG, List.of(Scopes.logAdmin(OTHER_LOG_ID), Scopes.read(OTHER_LOG_ID)));
        scopes.put(Role.REVOKED_PARTY, List.of(Scopes.verifier(REVOKED)));
        scopes.put(Role.NO_SCOPES, List.of());
        scopes.forEach((role, s) -> TOKENS.put(role, authority.mint(role.subject(), s, Duration.ofMinutes(30))));

        DemoLogs.Loaded example = DemoLogs.load(service, LOG_ID, "Example Extrusion A.S.", "TR", scenarioDir);
        statementA = example.statementId();
        issueCopy(example, STATEMENT_B_ID, IMPORTER_B);
        appendOutsiders(example.rootKey(), scenario);

        JsonNode room = json(send("POST", "/logs/" + LOG_ID + "/rooms", Role.EXPORTER, roomBody(scenario)), 201);
        roomId = room.get("roomId").asString();
        grant(importerA, "importer", List.of("statements", "entries"));
        grant(VERIFIER_V, "verifier", ALL_SCOPES);
        grant(REVOKED, "verifier", ALL_SCOPES);
        // the revoked party could see the room until its grant went
        assertEquals(200, send("GET", "/rooms/" + roomId, Role.REVOKED_PARTY, null).statusCode());
        assertEquals(204, send("DELETE", "/rooms/" + roomId + "/grants/" + REVOKED + "?role=verifier", Role.EXPORTER,
                null).statusCode());

        JsonNode entries = json(send("GET", "/rooms/" + roomId + "/entries?limit=1000", Role.EXPORTER, null), 200);
        roomCheckpointSize = entries.get("treeSize").asLong();
        roomIndexes = new TreeSet<>();
        for (JsonNode item : entries.get("items")) {
            roomIndexes.add(item.get("index").asLong());
            if (item.get("kind").asString().equals("installation")) {
                inIndex = item.get("index").asLong();
            }
        }
        assertTrue(entries.get("next").isNull(), "the room holds more than 1000 entries");
        JsonNode documents = json(send("GET", "/rooms/" + roomId + "/documents", Role.EXPORTER, null), 200);
        inSha256 = documents.get(0).get("sha256").asString();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRoute_asEveryRole_answersExactlyItsStatus_showsOnlyTheRoom_andIsLogged() {
        List<DynamicTest> rows = new ArrayList<>();
        for (Route route : Route.values()) {
            for (Role role : Role.values()) {
                int expected = role.expected(route.columns);
                rows.add(DynamicTest.dynamicTest(route + " as " + role + " -> " + expected,
                        () -> row(route, role, expected)));
            }
        }
        return rows.stream();
    }

    private static void row(Route route, Role role, int expected) throws Exception {
        String path = route.path(role);
        byte[] body = null;
        if (route == Route.CREATE_ROOM) {
            body = ("{\"name\":\"matrix room by " + role.subject() + "\",\"installationId\":\"TR-EXTRUDER-01\","
                    + "\"periodFrom\":\"2026-01-01\",\"periodTo\":\"2026-03-31\",\"cnCodes\":[\"76041090\"]}")
                    .getBytes(StandardCharsets.UTF_8);
        } else if (route == Route.GRANT) {
            body = "{\"role\":\"verifier\",\"scopes\":[\"view\"]}".getBytes(StandardCharsets.UTF_8);
        } else if (route == Route.REVOKE) {
            grant("revoke-" + role.name().toLowerCase().replace('_', '-'), "verifier", List.of("view"));
        }
        HttpResponse<byte[]> response;
        if (route.logged() && role != Role.ANONYMOUS) {
            response = roomRequest(role, path);
        } else {
            long before = sequencedSize();
            response = send(route.method, path, role, body);
            boolean decided = (route == Route.GRANT || route == Route.REVOKE) && response.statusCode() < 300;
            List<JsonNode[]> appended = appendedSince(before, isBundle(path));
            assertEquals(decided ? 1 : 0, appended.size(), route.method + " " + path + " as " + role
                    + " appended to the log");
            if (decided) {
                JsonNode entry = appended.getFirst()[0];
                assertEquals("room-grant", entry.get("kind").asString());
                JsonNode decision = appended.getFirst()[1];
                assertEquals(route == Route.GRANT ? "granted" : "revoked", decision.get("action").asString(), decision.toString());
                assertEquals(role.subject(), decision.get("decidedBy").asString(), decision.toString());
                assertEquals("TR-EXTRUDER-01", decision.at("/room/installationId").asString(), decision.toString());
            }
        }
        assertEquals(expected, response.statusCode(), route.method + " " + path + " as " + role + ": "
                + Http.text(response));
        if (expected < 300) {
            assertShowsOnlyTheRoom(route, role, response);
        } else if (expected != 204) {
            String type = Http.json(response).path("type").asString("");
            assertTrue(type.startsWith("https://cbam-ledger.org/problems/"), Http.text(response));
        }
    }

    /**
     * A GET of a room route with the role's token: checks that the log grew by exactly one {@code room-access}
     * entry naming the token's subject, the path, the resource, the answer and, for a refusal, a reason. A token the
     * room is not granted to is logged on its first refusal of a minute only (the others go into the minute's
     * summary, RoomRefusalFloodTest): for it, the row's entry may be absent.
     */
    private static HttpResponse<byte[]> roomRequest(Role role, String path) throws Exception {
        long before = sequencedSize();
        HttpResponse<byte[]> response = send("GET", path, role, null);
        List<JsonNode[]> appended = appendedSince(before, isBundle(path));
        boolean ungranted = role != Role.ANONYMOUS && expectedRole(role).equals("none");
        String appendedWhat = "GET " + path + " as " + role + " answered " + response.statusCode() + " and appended "
                + appended.size() + " access entries: " + Http.text(response);
        if (ungranted && appended.isEmpty()) {
            return response;
        }
        assertEquals(1, appended.size(), appendedWhat);
        JsonNode entry = appended.getFirst()[0];
        assertEquals(ACCESS_KIND, entry.get("kind").asString());
        JsonNode access = appended.getFirst()[1];
        String where = "access entry " + entry.get("index") + " for GET " + path + " as " + role + ": " + access;
        assertEquals(roomId, access.get("roomId").asString(), where);
        assertEquals(role.subject(), access.at("/principal/subject").asString(), where);
        assertEquals(expectedRole(role), access.at("/principal/role").asString(), where);
        assertEquals(expectedParty(role), access.at("/principal/partyId").asString(null), where);
        assertEquals("GET", access.at("/request/method").asString(), where);
        assertEquals(path, access.at("/request/path").asString(), where);
        List<String> resource = resourceOf(path);
        assertEquals(resource.get(0), access.at("/resource/type").asString(), where);
        assertEquals(resource.get(1), access.at("/resource/id").asString(null), where);
        assertEquals(response.statusCode(), access.get("status").asInt(), where);
        boolean granted = response.statusCode() < 400;
        assertEquals(granted ? "granted" : "denied", access.get("outcome").asString(), where);
        assertEquals(granted, access.get("reason").isNull(), where);
        return response;
    }

    /** The role the access log names (room-access.schema.json): {@code none} for a token the room is not granted to. */
    private static String expectedRole(Role role) {
        return switch (role) {
            case ADMIN -> "admin";
            case EXPORTER, LOG_READER -> "exporter";
            case IMPORTER_A -> "importer";
            case VERIFIER_V -> "verifier";
            case IMPORTER_B, VERIFIER_W, REVOKED_PARTY, OTHER_LOG, NO_SCOPES -> "none";
            case ANONYMOUS -> throw new IllegalArgumentException("an anonymous request is refused before the room");
        };
    }

    /** The party of the grant the request was judged under; null for log tokens and tokens without a grant. */
    private static String expectedParty(Role role) {
        return switch (role) {
            case IMPORTER_A -> importerA;
            case VERIFIER_V -> VERIFIER_V;
            default -> null;
        };
    }

    /** The resource type and id RoomAccess logs for a room path (room-access.schema.json resource). */
    private static List<String> resourceOf(String path) {
        String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
        String[] parts = (path.contains("?") ? path.substring(0, path.indexOf('?')) : path).split("/");
        // "", "rooms", roomId, ...
        List<String> rest = List.of(parts).subList(3, parts.length);
        String param = query.contains("=") ? query.substring(query.indexOf('=') + 1) : null;
        List<String> typeAndId = new ArrayList<>();
        if (rest.isEmpty()) {
            typeAndId.add("room");
            typeAndId.add(null);
        } else if (rest.size() == 1) {
            typeAndId.add(rest.get(0));
            typeAndId.add(rest.get(0).equals("entries") || rest.get(0).equals("bundle") ? param : null);
        } else if (rest.size() == 2) {
            typeAndId.add(rest.get(0).equals("entries") ? "entry" : rest.get(0).equals("documents") ? "document"
                    : "statement");
            typeAndId.add(rest.get(1));
        } else {
            typeAndId.add("statement-pdf");
            typeAndId.add(rest.get(1));
        }
        return typeAndId;
    }

    /** For a 2xx: the body holds only what the room holds, and for importer A only what is issued to it. */
    private static void assertShowsOnlyTheRoom(Route route, Role role, HttpResponse<byte[]> response) throws Exception {
        String text = Http.text(response);
        String where = route + " as " + role;
        // the access log, the exporter's own, echoes what was asked (an outside document's hash among it)
        for (String outside : route == Route.ACCESS_LOG ? List.<String>of() : outsideMarkers(role)) {
            assertFalse(text.contains(outside), where + " shows " + outside + ": " + text);
        }
        switch (route) {
            case GRANTED_ROOMS -> {
                JsonNode granted = Http.json(response);
                if (role == Role.IMPORTER_A || role == Role.VERIFIER_V) {
                    assertEquals(1, granted.size(), text);
                    assertEquals(roomId, granted.at("/0/room/roomId").asString());
                    assertEquals(role == Role.IMPORTER_A ? List.of("entries", "statements") : ALL_SCOPES,
                            strings(granted.at("/0/grant/scopes")));
                } else {
                    assertEquals(0, granted.size(), where + " lists rooms it holds no grant to: " + text);
                }
            }
            case ROOM -> {
                JsonNode summary = Http.json(response);
                assertEquals(roomIndexes.size(), summary.get("entryCount").asLong(), text);
                assertFalse(summary.get("entriesByKind").has(ACCESS_KIND), text);
                assertEquals(role.seesWholeRoom() ? 2 : 1, summary.get("statementCount").asLong(), text);
            }
            case ENTRIES -> {
                JsonNode page = Http.json(response);
                SortedSet<Long> listed = new TreeSet<>();
                for (JsonNode item : page.get("items")) {
                    listed.add(item.get("index").asLong());
                    assertFalse(item.get("kind").asString().equals(ACCESS_KIND), text);
                }
                assertEquals(roomIndexes, listed, where);
            }
            case CALCULATION_ENTRIES -> {
                JsonNode items = Http.json(response).get("items");
                assertEquals(2, items.size(), text);
                for (JsonNode item : items) {
                    assertEquals("calculation", item.get("kind").asString());
                    assertTrue(roomIndexes.contains(item.get("index").asLong()));
                }
            }
            case ENTRY_IN -> {
                JsonNode entry = Http.json(response);
                assertEquals(inIndex, entry.get("index").asLong());
                assertEquals(inIndex, entry.at("/inclusionProof/index").asLong());
                assertEquals(entry.at("/checkpoint/treeSize").asLong(), entry.at("/inclusionProof/treeSize").asLong());
                JsonNode record = Envelope.parse(Http.JSON.writeValueAsBytes(entry.get("envelope"))).record();
                assertEquals("TR-EXTRUDER-01", record.get("installationId").asString());
            }
            case DOCUMENTS -> {
                JsonNode documents = Http.json(response);
                assertTrue(documents.size() >= 1, text);
                for (JsonNode document : documents) {
                    assertTrue(roomIndexes.contains(document.get("anchorIndex").asLong()), text);
                }
            }
            case DOCUMENT_IN -> assertEquals(inSha256, sha256(response.body()));
            case STATEMENTS -> {
                List<String> recipients = new ArrayList<>();
                Set<String> ids = new TreeSet<>();
                for (JsonNode item : Http.json(response)) {
                    recipients.add(item.get("recipient").asString());
                    ids.add(item.get("statementId").asString());
                }
                assertEquals(role.seesWholeRoom() ? Set.of(statementA, STATEMENT_B_ID) : Set.of(statementA), ids, text);
                if (!role.seesWholeRoom()) {
                    assertEquals(List.of(importerA), recipients);
                }
            }
            case STATEMENT_A, STATEMENT_B -> {
                JsonNode statement = Http.json(response);
                String id = route == Route.STATEMENT_A ? statementA : STATEMENT_B_ID;
                assertEquals(id, statement.get("statementId").asString());
                assertEquals(id, statement.at("/statement/issued/statementId").asString());
                assertEquals(statement.at("/latestCheckpoint/treeSize").asLong(),
                        statement.at("/consistency/to").asLong());
            }
            case STATEMENT_A_PDF, STATEMENT_B_PDF -> assertEquals("%PDF-",
                    new String(response.body(), 0, 5, StandardCharsets.US_ASCII));
            case BUNDLE -> assertBundleHoldsOnlyTheRoom(response.body(), null, where);
            case BUNDLE_WITH_STATEMENT_B -> assertBundleHoldsOnlyTheRoom(response.body(), STATEMENT_B_ID, where);
            case ACCESS_LOG -> {
                JsonNode items = Http.json(response).get("items");
                assertFalse(items.isEmpty(), text);
                for (JsonNode item : items) {
                    assertEquals(ACCESS_KIND, item.at("/record/kind").asString(), text);
                    assertEquals(roomId, item.at("/record/roomId").asString(), text);
                }
            }
            case CREATE_ROOM -> assertEquals("TR-EXTRUDER-01", Http.json(response).get("installationId").asString());
            case LOG_ROOMS -> {
                JsonNode ours = null;
                for (JsonNode listed : Http.json(response)) {
                    if (listed.at("/room/roomId").asString().equals(roomId)) {
                        ours = listed;
                    }
                }
                assertNotNull(ours, text);
                Map<String, Boolean> revoked = new LinkedHashMap<>();
                for (JsonNode grant : ours.get("grants")) {
                    revoked.put(grant.get("partyId").asString(), !grant.get("revokedAt").isNull());
                }
                assertEquals(false, revoked.get(importerA), text);
                assertEquals(false, revoked.get(VERIFIER_V), text);
                assertEquals(true, revoked.get(REVOKED), text);
            }
            case GRANT -> assertEquals("matrix-grantee", Http.json(response).get("partyId").asString());
            case REVOKE -> assertEquals(0, response.body().length);
            default -> throw new IllegalStateException(where + " answered 2xx, which no row expects");
        }
    }

    /** Strings that must not appear in any answer of the room: the outsiders, and for importer A what is B's. */
    private static List<String> outsideMarkers(Role role) {
        List<String> markers = new ArrayList<>(OUTSIDE.values());
        markers.addAll(List.of(OTHER_INSTALLATION, OTHER_PLANT_BATCH, OTHER_CN_BATCH, OUT_OF_PERIOD_FUEL, STRANGER,
                outSha256));
        if (!role.seesWholeRoom()) {
            markers.add(STATEMENT_B_ID);
            markers.add(IMPORTER_B);
        }
        return markers;
    }

    /** The bundle lists and carries only room entries, and no outside record is inside any entry's payload. */
    private static void assertBundleHoldsOnlyTheRoom(byte[] zip, String statementId, String where) throws Exception {
        JsonNode manifest = null;
        JsonNode statement = null;
        SortedSet<Long> bundled = new TreeSet<>();
        SortedSet<Long> commitments = new TreeSet<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry file = in.getNextEntry(); file != null; file = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                String name = file.getName();
                if (name.equals("bundle.json")) {
                    manifest = Http.JSON.readTree(bytes);
                } else if (name.equals("statement.json")) {
                    statement = Http.JSON.readTree(bytes);
                } else if (name.startsWith("entries/")) {
                    EntryPack.Reader pack = new EntryPack.Reader(new ByteArrayInputStream(bytes), name, 1 << 20);
                    for (EntryPack.Packed packed = pack.next(); packed != null; packed = pack.next()) {
                        Envelope envelope = Envelope.parse(packed.bytes());
                        String payload = new String(envelope.payload(), StandardCharsets.UTF_8);
                        for (String outside : outsideMarkers(Role.VERIFIER_V)) {
                            assertFalse(payload.contains(outside), where + ": bundled " + name + " holds " + outside);
                        }
                        assertFalse(envelope.kind().equals(ACCESS_KIND), where + ": bundled " + name);
                        (envelope.kind().equals(Kinds.INDEX_COMMITMENT) ? commitments : bundled).add(packed.index());
                    }
                } else if (name.startsWith("documents/")) {
                    assertFalse(name.endsWith(outSha256), where + ": bundled " + name);
                }
            }
        }
        assertNotNull(manifest, where + ": no bundle.json");
        assertEquals(statementId, statement == null ? null : statement.at("/issued/statementId").asString(), where);
        long listed = 0;
        for (JsonNode pack : manifest.get("packs")) {
            listed += pack.get("entries").asLong();
        }
        assertEquals(bundled.size() + commitments.size(), listed, where + ": the packs' counts in bundle.json");
        assertEquals(roomIndexes, bundled, where);
        // every room bundle, an importer's narrowed view too, states room coverage with the index commitment
        assertEquals("room", manifest.at("/coverage/kind").asString(""), where + ": room coverage");
        assertEquals(1, commitments.size(), where + ": the index commitment");
    }

    @Test
    void importersNarrowedBundle_statesRoomCoverage_andVerifiesOffline(@TempDir Path dir) throws Exception {
        // the narrowing drops only the anchors of statements issued to others, which the index does not list
        grant(importerA, "importer", List.of("statements", "entries", "bundle"));
        HttpResponse<byte[]> response;
        try {
            response = send("GET", "/rooms/" + roomId + "/bundle?statement=" + statementA, Role.IMPORTER_A, null);
        } finally {
            grant(importerA, "importer", List.of("statements", "entries"));
        }
        assertEquals(200, response.statusCode());
        Path bundle = dir.resolve("importer-a");
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (ZipEntry file = in.getNextEntry(); file != null; file = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                assertFalse(new String(bytes, StandardCharsets.UTF_8).contains(STATEMENT_B_ID), file.getName());
                Path target = bundle.resolve(file.getName());
                Files.createDirectories(target.getParent());
                Files.write(target, bytes);
            }
        }
        VerificationReport report = new Verifier().verify(bundle, List.of());
        assertTrue(report.passed(), () -> report.failures().toString());
        assertEquals("room", Http.JSON.readTree(Files.readAllBytes(bundle.resolve("bundle.json")))
                .at("/coverage/kind").asString(""));
        assertFalse(report.results().stream().anyMatch(r -> r.check().equals(CoverageCheck.NAME)
                && r.status() == CheckStatus.NOT_CHECKED), report.results().toString());
        // a map proof per scope key, each of whose listed leaves is bundled
        assertTrue(report.results().stream().filter(r -> r.check().equals(IndexCheck.NAME)
                && r.status() == CheckStatus.PASS && r.subject().startsWith("index/")).count() >= 12,
                report.results().toString());
    }

    @Test
    void roomHoldsTheWorkedExample_andNoneOfTheEntriesOutsideIt() throws Exception {
        assertTrue(OUTSIDE.keySet().stream().allMatch(i -> i < roomCheckpointSize),
                "the outside entries " + OUTSIDE.keySet() + " lie below the room's checkpoint " + roomCheckpointSize);
        for (long outside : OUTSIDE.keySet()) {
            assertFalse(roomIndexes.contains(outside), "entry " + outside + " is outside the room");
        }
        assertTrue(roomIndexes.contains(0L), "the operator's party record");
        assertTrue(roomIndexes.contains(inIndex));
        JsonNode statement = json(send("GET", "/logs/" + LOG_ID + "/statements/" + statementA, Role.EXPORTER, null),
                200);
        for (JsonNode evidence : statement.at("/statement/evidence/entries")) {
            assertTrue(roomIndexes.contains(evidence.get("leafIndex").asLong()), "evidence " + evidence);
        }
    }

    @Test
    void everyOutsideIndex_answers404ThroughTheRoom_forEveryRoleThatReadsEntries() throws Exception {
        for (Role role : List.of(Role.EXPORTER, Role.ADMIN, Role.IMPORTER_A, Role.VERIFIER_V)) {
            for (long outside : OUTSIDE.keySet()) {
                HttpResponse<byte[]> response = roomRequest(role, "/rooms/" + roomId + "/entries/" + outside);
                assertEquals(404, response.statusCode(), role + " entry " + outside + ": " + Http.text(response));
                assertTrue(Http.json(response).get("type").asString().endsWith("/entry-not-found"));
            }
            // the room's own access log is outside it too
            HttpResponse<byte[]> accessEntry = roomRequest(role, "/rooms/" + roomId + "/entries/" + roomCheckpointSize);
            assertEquals(404, accessEntry.statusCode(), Http.text(accessEntry));
        }
    }

    @Test
    void importerA_cannotReadImporterBsStatement_throughTheRoomNorTheImporterApi() throws Exception {
        for (String path : List.of("/rooms/" + roomId + "/statements/" + STATEMENT_B_ID,
                "/rooms/" + roomId + "/statements/" + STATEMENT_B_ID + "/pdf")) {
            HttpResponse<byte[]> response = roomRequest(Role.IMPORTER_A, path);
            assertEquals(404, response.statusCode(), path);
            assertTrue(Http.json(response).get("type").asString().endsWith("/statement-not-found"),
                    Http.text(response));
        }
        for (String path : List.of("/importer/statements/" + LOG_ID + "/" + STATEMENT_B_ID,
                "/importer/statements/" + LOG_ID + "/" + STATEMENT_B_ID + "/pdf")) {
            assertEquals(404, send("GET", path, Role.IMPORTER_A, null).statusCode(), path);
            assertEquals(200, send("GET", path, Role.IMPORTER_B, null).statusCode(), path);
        }
        JsonNode listed = json(send("GET", "/importer/statements", Role.IMPORTER_A, null), 200);
        for (JsonNode item : listed.get("items")) {
            assertFalse(item.get("statementId").asString().equals(STATEMENT_B_ID), listed.toString());
        }
    }

    @Test
    void aRoomOnTheOtherInstallation_servesTheOutsideEntry_whichTheFirstRoomsPartiesCannotReach() throws Exception {
        byte[] body = ("{\"installationId\":\"" + OTHER_INSTALLATION + "\",\"periodFrom\":\"2026-01-01\","
                + "\"periodTo\":\"2026-12-31\",\"cnCodes\":[\"76041090\"]}").getBytes(StandardCharsets.UTF_8);
        String otherRoom = json(send("POST", "/logs/" + LOG_ID + "/rooms", Role.EXPORTER, body), 201).get("roomId")
                .asString();
        String path = "/rooms/" + otherRoom + "/entries/" + outIndex;

        JsonNode served = json(send("GET", path, Role.EXPORTER, null), 200);
        assertEquals(OUTSIDE.get(outIndex), served.get("leafHash").asString());
        for (Role role : List.of(Role.IMPORTER_A, Role.VERIFIER_V, Role.IMPORTER_B, Role.VERIFIER_W)) {
            HttpResponse<byte[]> refused = send("GET", path, role, null);
            assertEquals(404, refused.statusCode(), role + ": " + Http.text(refused));
            assertTrue(Http.json(refused).get("type").asString().endsWith("/room-not-found"), Http.text(refused));
        }
    }

    @Test
    void importerAndVerifierTokens_areRefusedTheLogsOwnRoutes() throws Exception {
        for (Role role : List.of(Role.IMPORTER_A, Role.IMPORTER_B, Role.VERIFIER_V, Role.VERIFIER_W)) {
            for (String path : List.of("/logs/" + LOG_ID + "/entries/" + inIndex,
                    "/logs/" + LOG_ID + "/entries/" + outIndex, "/logs/" + LOG_ID + "/documents/" + outSha256,
                    "/logs/" + LOG_ID + "/statements/" + STATEMENT_B_ID, "/logs/" + LOG_ID + "/bundle",
                    "/logs/" + LOG_ID)) {
                HttpResponse<byte[]> response = send("GET", path, role, null);
                assertEquals(403, response.statusCode(), path + " as " + role + ": " + Http.text(response));
            }
        }
    }

    @Test
    void aTokenWithoutGrant_isLoggedAsDenied_andLearnsNothingOfTheRoom() throws Exception {
        HttpResponse<byte[]> known = roomRequest(Role.VERIFIER_W, "/rooms/" + roomId);
        HttpResponse<byte[]> unknown = send("GET", "/rooms/room-00000000000000000000", Role.VERIFIER_W, null);
        assertEquals(404, known.statusCode());
        assertEquals(404, unknown.statusCode());
        assertEquals(Http.json(unknown).get("type"), Http.json(known).get("type"));
        assertFalse(Http.text(known).contains(LOG_ID), Http.text(known));
    }

    @Test
    void anImporterGrantedDocuments_cannotDownloadThePdfOfAStatementIssuedToAnother() throws Exception {
        String importerC = "importer-c";
        grant(importerC, "importer", List.of("documents", "entries"));
        String tokenC = authority.mint("matrix-importer-c", List.of(Scopes.importer(importerC)), Duration.ofMinutes(5));
        String statementPdf = null;
        for (JsonNode document : json(send("GET", "/rooms/" + roomId + "/documents", Role.EXPORTER, null), 200)) {
            if ((statementA + ".pdf").equals(document.path("fileName").asString(null))) {
                statementPdf = document.get("sha256").asString();
            }
        }
        assertNotNull(statementPdf, "the worked example archives the PDF of statement " + statementA);

        JsonNode listed = json(send("GET", "/rooms/" + roomId + "/documents", tokenC, null), 200);
        for (JsonNode document : listed) {
            assertFalse(document.get("sha256").asString().equals(statementPdf),
                    "importer-c is listed the PDF of " + statementA + ", issued to " + importerA + ": " + listed);
        }
        HttpResponse<byte[]> download = send("GET", "/rooms/" + roomId + "/documents/" + statementPdf, tokenC, null);
        assertEquals(404, download.statusCode(), "importer-c downloads the PDF of " + statementA + ", issued to "
                + importerA);
    }

    // --- setup -----------------------------------------------------------------------------------------------

    private static void issueCopy(DemoLogs.Loaded example, String statementId, String recipient) throws Exception {
        ObjectNode copy = (ObjectNode) example.statement().deepCopy();
        ((ObjectNode) copy.get("issued")).put("statementId", statementId).put("recipient", recipient);
        StatementRenderings.bindPdf(copy);
        ObjectNode body = Http.JSON.createObjectNode().put("jws", StatementJws.sign(copy, example.issuerKey()));
        json(send("POST", "/logs/" + LOG_ID + "/statements", Role.ADMIN, Http.JSON.writeValueAsBytes(body)), 201);
    }

    /** Entries of the same log the room must leave out, each signed by the log's root key. */
    private static void appendOutsiders(SigningKey root, Scenario scenario) throws Exception {
        ObjectNode installation = recordOf(scenario, "installation");
        installation.put("installationId", OTHER_INSTALLATION).put("name", "Another plant of the operator");
        String installationLeaf = appendOutside(installation, root, false);

        ObjectNode otherPlantBatch = recordOf(scenario, "production-batch");
        otherPlantBatch.put("installationId", OTHER_INSTALLATION).put("batchId", OTHER_PLANT_BATCH);
        appendOutside(otherPlantBatch, root, false);

        ObjectNode otherCnBatch = recordOf(scenario, "production-batch");
        otherCnBatch.put("batchId", OTHER_CN_BATCH).put("cnCode", "76061220");
        appendOutside(otherCnBatch, root, false);

        ObjectNode lastYearsFuel = recordOf(scenario, "fuel-consumption");
        lastYearsFuel.put("recordId", OUT_OF_PERIOD_FUEL).put("periodFrom", "2025-01-01").put("periodTo", "2025-12-31");
        appendOutside(lastYearsFuel, root, false);

        appendOutside(new Party(STRANGER, "Stranger Trading Ltd", "importer", "GB", List.of()).record(), root, false);

        byte[] document = ("plant survey of " + OTHER_INSTALLATION + "\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> uploaded = send("POST", "/logs/" + LOG_ID + "/documents?submitter=" + LOG_ID
                + "&fileName=other-plant-survey.txt&supports=" + installationLeaf, Role.ADMIN, document);
        assertEquals(201, uploaded.statusCode(), Http.text(uploaded));
        outSha256 = Http.json(uploaded).get("sha256").asString();
        appendOutside((ObjectNode) Http.json(uploaded), root, true);
        outIndex = OUTSIDE.keySet().iterator().next();
    }

    private static ObjectNode recordOf(Scenario scenario, String kind) {
        for (ScenarioRecord r : scenario.records()) {
            if (r.kind().equals(kind)) {
                return r.record().deepCopy();
            }
        }
        throw new IllegalStateException("the worked example has no " + kind + " record");
    }

    private static String appendOutside(ObjectNode record, SigningKey root, boolean wait) throws Exception {
        Envelope envelope = Envelope.sign(record.get("kind").asString(), LedgerRecords.json(record), root);
        JsonNode receipt = json(send("POST", "/logs/" + LOG_ID + "/entries" + (wait ? "?wait=true" : ""), Role.ADMIN,
                envelope.canonicalBytes()), 201);
        if (wait) {
            assertNotNull(receipt.get("checkpoint"), "no checkpoint covered the outside entries: " + receipt);
        }
        OUTSIDE.put(receipt.get("index").asLong(), receipt.get("leafHash").asString());
        return receipt.get("leafHash").asString();
    }

    private static byte[] roomBody(Scenario scenario) {
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("name", "worked example " + scenario.period().from().getYear());
        body.put("installationId", scenario.installation().installationId());
        body.put("periodFrom", scenario.period().from().toString());
        body.put("periodTo", scenario.period().to().toString());
        body.putArray("cnCodes").add(scenario.cnCode().replace(" ", ""));
        return Http.JSON.writeValueAsBytes(body);
    }

    private static void grant(String partyId, String role, List<String> scopes) {
        ObjectNode body = Http.JSON.createObjectNode().put("role", role);
        scopes.forEach(body.putArray("scopes")::add);
        json(send("PUT", "/rooms/" + roomId + "/grants/" + partyId, Role.EXPORTER, Http.JSON.writeValueAsBytes(body)),
                200);
    }

    /**
     * The entries appended from index {@code before} on, each as {entry, record}, leaving out summaries of refusals
     * (written when a minute is over, whenever that falls).
     */
    /** The access entries appended since {@code before}: a room bundle may first commit the log's index (CONTRACTS.md). */
    private static boolean isBundle(String path) {
        return path.endsWith("/bundle") || path.contains("/bundle?");
    }

    private static List<JsonNode[]> appendedSince(long before, boolean bundleRequest) {
        List<JsonNode[]> appended = new ArrayList<>();
        for (long i = before, size = sequencedSize(); i < size; i++) {
            JsonNode entry = json(send("GET", "/logs/" + LOG_ID + "/entries/" + i, Role.EXPORTER, null), 200);
            JsonNode record = Http.JSON.readTree(Base64.getDecoder().decode(entry.at("/envelope/payload").asString()));
            boolean indexCommitment = bundleRequest && entry.get("kind").asString().equals(Kinds.INDEX_COMMITMENT);
            if (!record.has("refusals") && !indexCommitment) {
                appended.add(new JsonNode[] {entry, record});
            }
        }
        return appended;
    }

    private static long sequencedSize() {
        return json(send("GET", "/logs/" + LOG_ID, Role.EXPORTER, null), 200).get("sequencedSize").asLong();
    }

    private static HttpResponse<byte[]> send(String method, String path, Role role, byte[] body) {
        return send(method, path, role == Role.ANONYMOUS ? null : TOKENS.get(role), body);
    }

    private static HttpResponse<byte[]> send(String method, String path, String token, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(service.http().base().resolve(path.substring(1)))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            b.header("Content-Type", path.contains("/documents") ? "application/octet-stream" : "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<byte[]> response, int expected) {
        assertEquals(expected, response.statusCode(), response.request().method() + " " + response.uri() + ": "
                + Http.text(response));
        return Http.json(response);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
