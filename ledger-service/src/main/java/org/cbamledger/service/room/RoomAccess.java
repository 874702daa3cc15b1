package org.cbamledger.service.room;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cbamledger.service.auth.AuthException;
import org.cbamledger.service.auth.Principal;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.db.StoreException;
import org.cbamledger.service.http.BearerTokenFilter;
import org.cbamledger.service.http.ProblemStatus;
import org.cbamledger.service.http.TooManyRequestsException;
import org.cbamledger.service.log.Ledger;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.service.room.scope.RoomDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one door into a room: decides who may do what there and appends every attempt, granted or denied, to the
 * room's log as a {@code room-access} entry before anything is answered. When the entry cannot be appended the
 * request fails with 503 and nothing is served, so no access goes unrecorded.
 *
 * <p>An exporter (a token that reads the room's log) sees the whole room. A party sees it through an active
 * grant to its {@code importer:<id>} or {@code verifier:<id>} scope. A token without a grant gets 404, as for a
 * room that does not exist, so it learns nothing of others' rooms; a grant without the needed scope gets 403.
 *
 * <p>Every entry costs the exporter log space, so a caller (token subject) is held to {@link CallerRateLimit} (429
 * beyond it, before anything is read or logged), and a token without a grant is logged once a minute per room, its
 * further refusals of that minute in one summarising entry ({@link RefusalTally}) written when the minute is over.
 */
public final class RoomAccess {
    /** What a request does once it is allowed in. */
    @FunctionalInterface
    public interface RoomAction {
        HttpResponse<?> serve(RoomVisit visit) throws LedgerException, SQLException, IOException, AuthException;
    }

    /** What a request touches, for the access log: a type of CONTRACTS.md and an id (entry index, sha256...) or null. */
    public record Resource(String type, String id) {}

    private static final Logger LOG = LoggerFactory.getLogger(RoomAccess.class);
    private static final long SUMMARY_PERIOD_SECONDS = 15;

    private final RoomStore rooms;
    private final Ledger ledger;
    private final Clock clock;
    private final CallerRateLimit limit;
    private final RefusalTally refusals = new RefusalTally();
    private final ScheduledExecutorService summaries = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("room-refusal-summaries").daemon().factory());

    public RoomAccess(RoomStore rooms, Ledger ledger, Clock clock, RoomRateLimitConfiguration rateLimit) {
        this.rooms = rooms;
        this.ledger = ledger;
        this.clock = clock;
        this.limit = new CallerRateLimit(rateLimit.burst(), rateLimit.perSecond());
        summaries.scheduleWithFixedDelay(() -> summarise(refusals.closedBefore(clock.instant())), SUMMARY_PERIOD_SECONDS,
                SUMMARY_PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    /** Writes the summaries of the minutes that are over, then stops. */
    public void close() {
        summaries.shutdownNow();
        summarise(refusals.closedBefore(clock.instant().plus(Duration.ofMinutes(1))));
    }

    /**
     * @param needed the grant scope the request needs; null when any active grant will do (the room's summary)
     * @throws StoreException the database failed (nothing is recorded for the request then)
     */
    public HttpResponse<?> serve(HttpRequest<?> request, String roomId, GrantScope needed, Resource resource,
            RoomAction action) throws AuthException, TooManyRequestsException, LedgerException, IOException {
        try {
            return checkedServe(request, roomId, needed, resource, action);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private HttpResponse<?> checkedServe(HttpRequest<?> request, String roomId, GrantScope needed, Resource resource,
            RoomAction action) throws AuthException, TooManyRequestsException, LedgerException, SQLException, IOException {
        Principal principal = BearerTokenFilter.principal(request);
        long waitSeconds = limit.take(principal.subject(), clock.instant());
        if (waitSeconds > 0) {
            throw new TooManyRequestsException("token " + principal.subject() + " made more room requests than "
                    + "its rate allows; retry after " + waitSeconds + " s", waitSeconds);
        }
        RoomDefinition room = rooms.find(roomId).orElseThrow(() -> new LedgerException(Problem.ROOM_NOT_FOUND,
                "no room " + roomId + " exists"));
        RoomVisit visit = visit(principal, room);
        if (visit == null) {
            LedgerException denied = new LedgerException(Problem.ROOM_NOT_FOUND,
                    "no room " + roomId + " is granted to " + describe(principal));
            refuseUngranted(room.logId(), access(request, room, principal, "none", null, resource, ProblemStatus.of(denied.problem()),
                    denied.getMessage()));
            throw denied;
        }
        if (needed != null && !visit.scopes().contains(needed)) {
            AuthException denied = new AuthException(403, "the grant of room " + roomId + " to " + visit.partyId()
                    + " does not include " + needed.wireName());
            record(request, room, principal, visit.role(), visit.partyId(), resource, 403, denied.getMessage());
            throw denied;
        }
        HttpResponse<?> response;
        try {
            response = action.serve(visit);
        } catch (LedgerException e) {
            record(request, room, principal, visit.role(), visit.partyId(), resource, ProblemStatus.of(e.problem()), e.getMessage());
            throw e;
        } catch (AuthException e) {
            record(request, room, principal, visit.role(), visit.partyId(), resource, e.status(), e.getMessage());
            throw e;
        }
        record(request, room, principal, visit.role(), visit.partyId(), resource, response.code(), null);
        return response;
    }

    /** The visit a principal may make to a room, or null when it holds no grant there. */
    RoomVisit visit(Principal principal, RoomDefinition room) throws SQLException {
        if (principal.has(Scopes.read(room.logId()))) {
            String role = principal.scopes().contains(Scopes.ADMIN) ? "admin" : "exporter";
            return new RoomVisit(room, principal, role, null, EnumSet.allOf(GrantScope.class), Set.of());
        }
        Set<PartyRole> parties = PartyRole.of(principal);
        List<RoomGrant> grants = rooms.activeGrantsOf(parties).stream()
                .filter(g -> g.roomId().equals(room.roomId())).toList();
        if (grants.isEmpty()) {
            return null;
        }
        Set<GrantScope> scopes = EnumSet.noneOf(GrantScope.class);
        Set<String> importerParties = new LinkedHashSet<>();
        boolean asVerifier = false;
        for (RoomGrant grant : grants) {
            scopes.addAll(grant.scopes());
            if (grant.role() == GrantRole.IMPORTER) {
                importerParties.add(grant.partyId());
            } else {
                asVerifier = true;
            }
        }
        RoomGrant first = grants.getFirst();
        // A party that is both verifier and importer here reads as the verifier: it sees every statement.
        return new RoomVisit(room, principal, asVerifier ? "verifier" : "importer", first.partyId(), scopes,
                asVerifier ? Set.of() : importerParties);
    }

    private void record(HttpRequest<?> request, RoomDefinition room, Principal principal, String role, String partyId,
            Resource resource, int status, String reason) throws LedgerException, SQLException {
        LoggedDecision.append(ledger, room.logId(),
                access(request, room, principal, role, partyId, resource, status, reason).toJson(), "nothing is served");
    }

    private RoomAccessRecord access(HttpRequest<?> request, RoomDefinition room, Principal principal, String role,
            String partyId, Resource resource, int status, String reason) {
        // 4xx: refused (no grant, missing scope, outside the room); 2xx, 3xx and 5xx were let in.
        boolean granted = status < 400 || status > 499;
        return new RoomAccessRecord(room.roomId(), clock.instant(), principal.subject(), partyId, role,
                request.getMethodName(), request.getUri().toString(), resource.type(), resource.id(), granted, status,
                granted ? null : reason != null ? reason : "answered " + status, null);
    }

    /** The first refusal of a minute is logged before the answer; the others wait for the minute's summary. */
    private void refuseUngranted(String logId, RoomAccessRecord refusal) throws LedgerException, SQLException {
        List<RefusalTally.Window> closed = new ArrayList<>();
        boolean first = refusals.first(new RefusalTally.Key(refusal.subject(), refusal.roomId()), refusal, closed);
        if (first) {
            LoggedDecision.append(ledger, logId, refusal.toJson(), "nothing is served");
        }
        summarise(closed);
    }

    private void summarise(List<RefusalTally.Window> closed) {
        for (RefusalTally.Window w : closed) {
            RoomAccessRecord summary = w.last().summarising(new RoomAccessRecord.Refusals(w.further(), w.firstAt(),
                    w.lastAt()));
            try {
                LoggedDecision.append(ledger, logOf(summary.roomId()), summary.toJson(), "the summary is lost");
            } catch (LedgerException | SQLException e) {
                LOG.error("could not log {} refusals of {} in room {}", w.further(), summary.subject(), summary.roomId(), e);
            }
        }
    }

    private String logOf(String roomId) throws SQLException, LedgerException {
        return rooms.find(roomId).orElseThrow(() -> new LedgerException(Problem.ROOM_NOT_FOUND, "no room " + roomId))
                .logId();
    }

    private static String describe(Principal principal) {
        Set<PartyRole> parties = PartyRole.of(principal);
        return parties.isEmpty() ? "token " + principal.subject() + " (no importer or verifier scope)"
                : parties.stream().map(p -> p.role().wireName() + " " + p.partyId()).reduce((a, b) -> a + ", " + b).orElseThrow();
    }
}
