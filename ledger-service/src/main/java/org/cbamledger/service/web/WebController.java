package org.cbamledger.service.web;

import org.cbamledger.service.http.ProblemStatus;
import org.cbamledger.service.http.UiSession;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cbamledger.service.auth.AuthException;
import org.cbamledger.service.auth.Principal;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.auth.TokenAuthority;
import org.cbamledger.service.db.StoreException;
import org.cbamledger.service.http.BearerTokenFilter;
import org.cbamledger.service.store.CheckpointStore;
import org.cbamledger.service.store.EntryStore;
import org.cbamledger.service.log.Ledger;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.store.LogInfo;
import org.cbamledger.service.store.LogStore;
import org.cbamledger.service.store.StoredCheckpoint;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.service.statement.StatementStore;
import org.cbamledger.service.statement.StoredStatement;

/**
 * The web view: {@code GET /ui/logs/{logId}} (the log's read scope) renders the readiness view of the log's entries
 * up to its latest checkpoint; {@code /ui/login} takes a token into the session cookie, {@code /ui/logout} drops it.
 * Errors are pages here, not problem JSON: a person reads them.
 */
@Controller("/ui")
@ExecuteOn(TaskExecutors.BLOCKING)
public class WebController {
    private static final int PAGE = 1_000;
    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE;

    private final Ledger ledger;
    private final LogStore logs;
    private final EntryStore entries;
    private final CheckpointStore checkpoints;
    private final StatementStore statements;
    private final TokenAuthority tokens;
    private final ViewCache<String> views = new ViewCache<>();

    WebController(Ledger ledger, LogStore logs, EntryStore entries, CheckpointStore checkpoints, StatementStore statements,
            TokenAuthority tokens) {
        this.ledger = ledger;
        this.logs = logs;
        this.entries = entries;
        this.checkpoints = checkpoints;
        this.statements = statements;
        this.tokens = tokens;
    }

    @Get("/login")
    public HttpResponse<String> loginPage(@Nullable @QueryValue String next) {
        return page(HttpStatus.OK, UiPages.login(next, null));
    }

    /** Form {@code token}, {@code next}: a valid token becomes the session cookie, then on to {@code next}. */
    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<String> login(@Body Map<String, String> form) {
        String token = form.getOrDefault("token", "").trim();
        String next = form.get("next");
        try {
            tokens.verify(token);
        } catch (AuthException e) {
            return page(HttpStatus.UNAUTHORIZED, UiPages.login(next, "Sign-in failed: " + e.getMessage()));
        }
        return HttpResponse.<String>seeOther(URI.create(UiSession.safeNext(next)))
                .header(HttpHeaders.SET_COOKIE, UiSession.setCookie(token))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Post(value = "/logout", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL})
    public HttpResponse<String> logout() {
        return HttpResponse.<String>seeOther(URI.create(UiSession.LOGIN_PATH))
                .header(HttpHeaders.SET_COOKIE, UiSession.clearCookie());
    }

    @Get("/logs")
    public HttpResponse<String> logs(HttpRequest<?> request) throws AuthException {
        Principal principal = BearerTokenFilter.principal(request);
        List<String> readable = new ArrayList<>();
        for (String logId : StoreException.wrapping(() -> logs.logIds())) {
            if (principal.has(Scopes.read(logId))) {
                readable.add(logId);
            }
        }
        return page(HttpStatus.OK, UiPages.logs(readable));
    }

    @Get("/logs/{logId}")
    public HttpResponse<String> view(HttpRequest<?> request, String logId, @Nullable @QueryValue String month)
            throws AuthException, LedgerException {
        try {
            BearerTokenFilter.principal(request).require(Scopes.read(logId));
        } catch (AuthException e) {
            if (e.status() != 403) {
                throw e;
            }
            return page(HttpStatus.FORBIDDEN, UiPages.error(403, "Forbidden", e.getMessage()));
        }
        Optional<YearMonth> shown;
        try {
            shown = month == null || month.isBlank() ? Optional.empty() : Optional.of(YearMonth.parse(month));
        } catch (DateTimeParseException e) {
            return page(HttpStatus.BAD_REQUEST, UiPages.error(400, "Bad request", "month must look like 2026-03, not " + month));
        }
        LogInfo log;
        try {
            log = ledger.log(logId);
        } catch (LedgerException e) {
            return page(HttpStatus.valueOf(ProblemStatus.of(e.problem())), UiPages.error(ProblemStatus.of(e.problem()), e.problem().title(),
                    e.getMessage()));
        }
        Optional<StoredCheckpoint> checkpoint = StoreException.wrapping(() -> checkpoints.latest(logId));
        long size = checkpoint.map(StoredCheckpoint::treeSize).orElse(0L);
        List<StoredStatement> stored = StoreException.wrapping(() -> statements.ofLog(logId));
        ReadinessInput input = new ReadinessInput(log, checkpoint, new LogEvidenceLinks(logId, size), shown, Optional.empty());
        String key = logId + "@" + size + "#" + String.join(",", stored.stream().map(StoredStatement::statementId).toList());
        String html = ReadinessPage.render(input,
                StoreException.wrapping(() -> views.get(key, () -> ReadinessView.of(entriesUpTo(logId, size), stored))));
        return page(HttpStatus.OK, html);
    }

    private List<StoredEntry> entriesUpTo(String logId, long size) {
        return StoreException.wrapping(() -> {
            List<StoredEntry> shown = new ArrayList<>();
            for (long from = 0; from < size; from += PAGE) {
                shown.addAll(entries.range(logId, from, Math.min(size, from + PAGE)));
            }
            return shown;
        });
    }

    static MutableHttpResponse<String> page(HttpStatus status, String html) {
        return HttpResponse.<String>status(status).contentType(HTML).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(html);
    }
}
