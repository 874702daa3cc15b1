package org.cbamledger.service.room;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.cbamledger.service.auth.AuthException;
import org.cbamledger.service.auth.Principal;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.db.StoreException;
import org.cbamledger.service.http.BearerTokenFilter;
import org.cbamledger.service.http.EdgeInput;
import org.cbamledger.service.http.InvalidInputException;
import org.cbamledger.service.http.RequestJson;
import org.cbamledger.service.log.Ledger;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.service.room.scope.RoomDefinition;
import tools.jackson.databind.JsonNode;

/**
 * The exporter's side of data rooms: open a room on its log ({@code log:<id>:admin}), list them
 * ({@code log:<id>:read}), grant a room to a party with scopes and revoke the grant ({@code log:<id>:admin}).
 * Each grant and revocation is appended to the log as a {@code room-grant} entry before it takes effect.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class RoomAdminController {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");
    private static final Pattern CN_CODE = Pattern.compile("[0-9]{8}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Ledger ledger;
    private final RoomStore rooms;
    private final Clock clock;

    RoomAdminController(Ledger ledger, RoomStore rooms, Clock clock) {
        this.ledger = ledger;
        this.rooms = rooms;
        this.clock = clock;
    }

    /** Body: {@code {"name", "installationId", "periodFrom", "periodTo", "cnCodes": [...]}}; 201 with the room. */
    @Post(uri = "/logs/{logId}/rooms", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<String> create(HttpRequest<?> request, String logId, @Body byte[] body)
            throws AuthException, LedgerException {
        Principal principal = BearerTokenFilter.principal(request);
        principal.require(Scopes.logAdmin(logId));
        ledger.log(logId);
        JsonNode json = parse(body);
        String installationId = identifier(json, "installationId");
        LocalDate from = date(json, "periodFrom");
        LocalDate to = date(json, "periodTo");
        if (to.isBefore(from)) {
            throw invalid("periodTo " + to + " is before periodFrom " + from);
        }
        TreeSet<String> cnCodes = new TreeSet<>();
        for (JsonNode code : json.path("cnCodes")) {
            // as in the scenario files, "7604 10 90" means 76041090 (common.schema.json cnCode)
            String digits = code.isString() ? code.asString().replace(" ", "") : "";
            if (!CN_CODE.matcher(digits).matches()) {
                throw invalid("cnCodes must hold 8-digit CN codes such as \"76041090\", got " + code);
            }
            cnCodes.add(digits);
        }
        if (cnCodes.isEmpty()) {
            throw invalid("cnCodes must list at least one CN code");
        }
        String name = json.path("name").asString("").isBlank() ? installationId + " " + from + ".." + to
                : json.path("name").asString();
        String roomId = "room-" + HexFormat.of().formatHex(randomBytes());
        RoomDefinition room = new RoomDefinition(roomId, logId, name, installationId, from, to, cnCodes,
                principal.subject(), clock.instant());
        StoreException.running(() -> rooms.insert(room));
        return json(HttpStatus.CREATED, RoomBodies.RoomBody.of(room));
    }

    @Get("/logs/{logId}/rooms")
    public HttpResponse<String> list(HttpRequest<?> request, String logId)
            throws AuthException, LedgerException {
        BearerTokenFilter.principal(request).require(Scopes.read(logId));
        ledger.log(logId);
        List<RoomBodies.RoomWithGrants> found = new ArrayList<>();
        for (RoomDefinition room : StoreException.wrapping(() -> rooms.ofLog(logId))) {
            found.add(new RoomBodies.RoomWithGrants(RoomBodies.RoomBody.of(room),
                    StoreException.wrapping(() -> rooms.grantsOf(room.roomId())).stream().map(RoomBodies.GrantBody::of).toList()));
        }
        return json(HttpStatus.OK, found);
    }

    /** Body: {@code {"role": "importer"|"verifier", "scopes": ["entries", "documents", "statements", "bundle", "view"]}}. */
    @Put(uri = "/rooms/{roomId}/grants/{partyId}", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<String> grant(HttpRequest<?> request, String roomId, String partyId, @Body byte[] body)
            throws AuthException, LedgerException {
        Principal principal = BearerTokenFilter.principal(request);
        RoomDefinition room = administered(principal, roomId);
        if (!IDENTIFIER.matcher(partyId).matches()) {
            throw invalid("partyId must be an identifier, got " + partyId);
        }
        JsonNode json = parse(body);
        GrantRole role;
        Set<GrantScope> scopes = EnumSet.noneOf(GrantScope.class);
        try {
            role = GrantRole.fromWire(json.path("role").asString(""));
            for (JsonNode scope : json.path("scopes")) {
                scopes.add(GrantScope.fromWire(scope.asString("")));
            }
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        if (scopes.isEmpty()) {
            throw invalid("scopes must list at least one of entries, documents, statements, bundle, view");
        }
        RoomGrant grant = new RoomGrant(room.roomId(), partyId, role, scopes, principal.subject(), clock.instant(), null);
        StoreException.running(() -> LoggedDecision.append(ledger, room.logId(),
                new RoomGrantRecord(room, grant, false, principal.subject(), grant.grantedAt()).toJson(),
                "the grant does not take effect"));
        return json(HttpStatus.OK, RoomBodies.GrantBody.of(StoreException.wrapping(() -> rooms.grant(grant))));
    }

    /** Revokes the grant at once; {@code role} is required, as a party may hold the room in both roles. */
    @Delete("/rooms/{roomId}/grants/{partyId}")
    public HttpResponse<String> revoke(HttpRequest<?> request, String roomId, String partyId,
            @Nullable @QueryValue String role) throws AuthException, LedgerException {
        Principal principal = BearerTokenFilter.principal(request);
        RoomDefinition room = administered(principal, roomId);
        GrantRole grantRole;
        try {
            grantRole = GrantRole.fromWire(role == null ? "" : role);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        RoomGrant active = StoreException.wrapping(() -> rooms.grantsOf(room.roomId())).stream()
                .filter(g -> g.active() && g.partyId().equals(partyId) && g.role() == grantRole).findFirst()
                .orElseThrow(() -> new LedgerException(Problem.ROOM_NOT_FOUND, "room " + roomId
                        + " holds no active grant to " + grantRole.wireName() + " " + partyId));
        Instant now = clock.instant();
        StoreException.running(() -> LoggedDecision.append(ledger, room.logId(),
                new RoomGrantRecord(room, active, true, principal.subject(), now).toJson(), "the grant is not revoked"));
        StoreException.wrapping(() -> rooms.revoke(room.roomId(), partyId, grantRole, now));
        return HttpResponse.noContent();
    }

    private RoomDefinition administered(Principal principal, String roomId) throws AuthException, LedgerException {
        RoomDefinition room = StoreException.wrapping(() -> rooms.find(roomId)).orElse(null);
        if (room == null || !principal.has(Scopes.read(room.logId()))) {
            throw new LedgerException(Problem.ROOM_NOT_FOUND, "no room " + roomId + " exists");
        }
        principal.require(Scopes.logAdmin(room.logId()));
        return room;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static JsonNode parse(byte[] body) throws LedgerException {
        JsonNode json = RequestJson.tree(body, Problem.INVALID_ROOM, "the body");
        if (!json.isObject()) {
            throw invalid("the body must be a JSON object");
        }
        return json;
    }

    private static String identifier(JsonNode json, String field) throws LedgerException {
        String value = json.path(field).asString("");
        if (!IDENTIFIER.matcher(value).matches()) {
            throw invalid(field + " must be an identifier, got \"" + value + "\"");
        }
        return value;
    }

    private static LocalDate date(JsonNode json, String field) throws LedgerException {
        try {
            return EdgeInput.date(field, json.path(field).asString(""));
        } catch (InvalidInputException e) {
            throw invalid(e.getMessage());
        }
    }

    private static LedgerException invalid(String message) {
        return new LedgerException(Problem.INVALID_ROOM, message);
    }

    private static HttpResponse<String> json(HttpStatus status, Object body) {
        return HttpResponse.<String>status(status).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(RoomBodies.JSON.writeValueAsString(body));
    }
}
