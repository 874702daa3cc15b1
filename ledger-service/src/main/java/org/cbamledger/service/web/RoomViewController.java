package org.cbamledger.service.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import org.cbamledger.service.auth.AuthException;
import org.cbamledger.service.http.ProblemStatus;
import org.cbamledger.service.http.TooManyRequestsException;
import org.cbamledger.service.log.Ledger;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.service.room.GrantScope;
import org.cbamledger.service.room.RoomAccess;
import org.cbamledger.service.room.RoomContents;
import org.cbamledger.service.room.RoomSnapshot;
import org.cbamledger.service.room.RoomVisit;
import org.cbamledger.service.room.VisitSelection;
import org.cbamledger.service.room.scope.RoomDefinition;
import org.cbamledger.service.statement.StoredStatement;
import org.cbamledger.signer.JsonMappers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The readiness view of a data room, {@code GET /ui/rooms/{roomId}} (grant scope {@code view}): the same page as a
 * log's, over the entries and statements the visitor sees in the room, with links into the room's routes. Like
 * every room request it goes through {@link RoomAccess}, so each view is in the room's access log.
 */
@Controller("/ui/rooms")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RoomViewController {
    private static final JsonMapper JSON = JsonMappers.PLAIN;

    private final RoomAccess access;
    private final RoomContents contents;
    private final Ledger ledger;
    private final RoomPages pages;

    RoomViewController(RoomAccess access, RoomContents contents, Ledger ledger, RoomPages pages) {
        this.access = access;
        this.contents = contents;
        this.ledger = ledger;
        this.pages = pages;
    }

    @Get("/{roomId}")
    public HttpResponse<?> view(HttpRequest<?> request, String roomId, @Nullable @QueryValue String month)
            throws AuthException, TooManyRequestsException, IOException {
        Optional<YearMonth> shown;
        try {
            shown = month == null || month.isBlank() ? Optional.empty() : Optional.of(YearMonth.parse(month));
        } catch (DateTimeParseException e) {
            return WebController.page(HttpStatus.BAD_REQUEST,
                    UiPages.error(400, "Bad request", "month must look like 2026-03, not " + month));
        }
        try {
            return access.serve(request, roomId, GrantScope.VIEW, new RoomAccess.Resource("view", null), visit -> {
                RoomSnapshot snapshot = contents.snapshot(visit.room());
                VisitSelection seen = contents.visible(visit, snapshot.selection());
                List<StoredStatement> shownStatements = snapshot.selection().statements().stream()
                        .filter(s -> visit.mayRead(JSON.readTree(s.statementJson()))).toList();
                ReadinessInput input = new ReadinessInput(ledger.log(visit.room().logId()),
                        Optional.of(snapshot.checkpoint()), new RoomEvidenceLinks(roomId), shown, Optional.of(describe(visit)));
                // not the checkpoint's size: every view appends an access entry, which changes nothing shown; the
                // entries and statements themselves (leaf hashes, payload digests), so no other set can share a view
                String logId = visit.room().logId();
                SortedSet<Long> indexes = seen.indexes();
                ViewDigest digest = pages.digest(logId, indexes, shownStatements);
                String body = pages.body(logId, digest, roomId, shown, () -> {
                    List<StoredEntry> shownEntries = new ArrayList<>();
                    contents.read(logId, indexes, shownEntries::add);
                    return ReadinessView.of(shownEntries, shownStatements);
                });
                return WebController.page(HttpStatus.OK, ReadinessPage.page(input, body));
            });
        } catch (LedgerException e) {
            return WebController.page(HttpStatus.valueOf(ProblemStatus.of(e.problem())),
                    UiPages.error(ProblemStatus.of(e.problem()), e.problem().title(), e.getMessage()));
        } catch (AuthException e) {
            if (e.status() == 401) {
                throw e;
            }
            return WebController.page(HttpStatus.valueOf(e.status()), UiPages.error(e.status(), "Forbidden", e.getMessage()));
        }
    }

    private static String describe(RoomVisit visit) {
        RoomDefinition room = visit.room();
        return "Data room " + room.name() + " (" + room.roomId() + "): installation " + room.installationId() + ", "
                + room.periodFrom() + " to " + room.periodTo() + ", CN " + String.join(", ", room.cnCodes())
                + "; shown to " + (visit.partyId() == null ? visit.role() : visit.role() + " " + visit.partyId())
                + ". Entries of the log outside the room are not shown.";
    }
}
